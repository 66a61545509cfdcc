package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("toolset:", greet.Greet("ubi")) }
