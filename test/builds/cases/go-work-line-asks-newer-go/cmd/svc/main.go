package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("gowork:", greet.Greet("gophers")) }
