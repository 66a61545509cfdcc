module github.com/acme/tc

go 1.23.0

toolchain go1.23.4

require (
	github.com/spf13/cobra v1.8.0
	golang.org/x/sync v0.7.0
)
