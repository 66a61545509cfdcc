module github.com/acme/server

go 1.22.3

toolchain go1.22.5

require (
	github.com/spf13/cobra v1.8.0
	golang.org/x/sync v0.7.0
)
