// Package nats is a tiny stand-in under the real module path, so the examples' go.mod resolve offline.
package nats

func Name() string { return "nats v1.37.0" }
