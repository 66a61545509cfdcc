package main

import (
	"fmt"

	"example.com/private/vault"
)

func main() { fmt.Println("secret:", vault.Secret()) }
