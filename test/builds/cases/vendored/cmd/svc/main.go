package main

import (
	"fmt"

	"example.com/private/vault"
)

func main() { fmt.Println("vendored:", vault.Secret()) }
