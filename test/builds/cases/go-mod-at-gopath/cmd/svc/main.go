package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("atgopath:", greet.Greet("world")) }
