package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("make:", greet.Greet("target")) }
