package main

import (
	"fmt"

	"example.com/exceptions/pkg/greeter"
)

func main() { fmt.Println("exceptions:", greeter.Line()) }
