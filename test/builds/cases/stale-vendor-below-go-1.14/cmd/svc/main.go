package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("stalevendor:", greet.Greet("world")) }
