// Package greet reaches example.com/words, a transitive dependency for its users.
package greet

import "example.com/words"

func Greet(name string) string { return words.Hello() + ", " + name }
