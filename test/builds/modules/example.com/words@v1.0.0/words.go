// Package words is a leaf module of the offline proxy: greet depends on it.
package words

func Hello() string { return "hello" }
