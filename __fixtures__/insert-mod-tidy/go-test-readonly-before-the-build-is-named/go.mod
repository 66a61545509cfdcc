module example.com/app

go 1.22

require github.com/x/y v1.2.3
