package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("modfiles:", greet.Greet("cache")) }
