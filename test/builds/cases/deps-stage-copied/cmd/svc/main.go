package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("deps-stage:", greet.Greet("stage")) }
