module github.com/acme/legacy

go 1.19
