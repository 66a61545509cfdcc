package main

import (
	"fmt"

	"example.com/greet"
)

func main() { fmt.Println("nonroot:", greet.Greet("app")) }
