package greeter

import "example.com/greet"

func Line() string { return greet.Greet("copied") }
