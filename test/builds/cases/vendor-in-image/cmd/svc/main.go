package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("vendor-in-image:", greet.Greet("world")) }
