package main

import (
	"fmt"

	"example.com/selective/pkg/greeter"
)

func main() { fmt.Println("selective:", greeter.Line()) }
