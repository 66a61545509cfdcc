module github.com/acme/legacy

go 1.20

require (
	github.com/spf13/cobra v1.8.0
	golang.org/x/sync v0.7.0
)
