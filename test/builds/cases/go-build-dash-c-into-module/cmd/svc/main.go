package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("cmodule:", greet.Greet("world")) }
