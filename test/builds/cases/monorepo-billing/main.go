package main

import (
	"fmt"

	"github.com/stripe/stripe-go/v81"
)

func main() { fmt.Println("billing:", stripe.Name()) }
