module github.com/acme/devserver

go 1.22.0

require (
	github.com/spf13/cobra v1.8.0
	golang.org/x/sync v0.7.0
)
