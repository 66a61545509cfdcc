// Package pgx is a tiny stand-in under the real module path, so the examples' go.mod resolve offline.
package pgx

func Name() string { return "pgx v5.7.1" }
