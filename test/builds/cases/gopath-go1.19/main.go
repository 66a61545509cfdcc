package main

import (
	"fmt"

	"example.com/legacy/internal/banner"
)

func main() { fmt.Println("legacy:", banner.Text()) }
