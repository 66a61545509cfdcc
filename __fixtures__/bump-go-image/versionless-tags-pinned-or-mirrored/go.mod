module example.com/app

go 1.21

toolchain go1.22.3
