module example.com/a

go 1.24.0

toolchain go1.24.6
