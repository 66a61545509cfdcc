package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("verify-after-download:", greet.Greet("world")) }
