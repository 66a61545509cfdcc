package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("vendorimage:", greet.Greet("world")) }
