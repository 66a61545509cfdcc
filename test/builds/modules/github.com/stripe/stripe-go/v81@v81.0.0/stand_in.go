// Package stripe is a tiny stand-in under the real module path, so the examples' go.mod resolve offline.
package stripe

func Name() string { return "stripe v81.0.0" }
