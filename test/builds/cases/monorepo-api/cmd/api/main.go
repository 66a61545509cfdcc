package main

import (
	"fmt"

	"github.com/go-chi/chi/v5"
)

func main() { fmt.Println("api:", chi.Name()) }
