// Package chi is a tiny stand-in under the real module path, so the examples' go.mod resolve offline.
package chi

func Name() string { return "chi v5.1.0" }
