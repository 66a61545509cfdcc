package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("go124:", greet.Greet("gophers")) }
