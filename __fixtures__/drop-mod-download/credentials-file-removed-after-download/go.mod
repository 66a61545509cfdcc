module example.com/app

go 1.22

require github.com/acme/private v1.0.0
