module github.com/example/accounts

go 1.13
