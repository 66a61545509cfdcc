module example.com/app

go 1.21.0

toolchain go1.22.2
