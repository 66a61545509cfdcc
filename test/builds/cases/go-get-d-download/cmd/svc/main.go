package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("go-get-d-download:", greet.Greet("world")) }
