module github.com/example/app

go 1.13
