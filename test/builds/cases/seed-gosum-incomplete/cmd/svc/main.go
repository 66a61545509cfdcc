package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("gosum-incomplete:", greet.Greet("world")) }
