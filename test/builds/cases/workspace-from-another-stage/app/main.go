package main

import (
	"fmt"

	"example.com/lib"
)

func main() { fmt.Printf("workspace-from-another-stage: hello, %s\n", lib.Name()) }
