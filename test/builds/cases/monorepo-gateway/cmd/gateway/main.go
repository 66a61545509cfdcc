package main

import (
	"fmt"

	"golang.org/x/net/html"
)

func main() { fmt.Println("gateway:", html.Name()) }
