package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("chown-by-name:", greet.Greet("world")) }
