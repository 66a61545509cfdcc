module github.com/acme/y

go 1.11
