package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("cdmodule:", greet.Greet("world")) }
