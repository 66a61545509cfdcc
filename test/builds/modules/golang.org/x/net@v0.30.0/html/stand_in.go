// Package html is a tiny stand-in under the real module path, so the examples' go.mod resolve offline.
package html

func Name() string { return "html v0.30.0" }
