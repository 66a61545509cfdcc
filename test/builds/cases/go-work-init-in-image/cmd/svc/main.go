package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("go-work-init-in-image:", greet.Greet("world")) }
