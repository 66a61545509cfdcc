// Package lib is the workspace's second module.
package lib

// Name is who the service greets.
func Name() string { return "workspace" }
