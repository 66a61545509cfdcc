package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("readonly:", greet.Greet("strict")) }
