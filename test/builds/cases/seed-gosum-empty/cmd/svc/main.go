package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("gosum-empty:", greet.Greet("world")) }
