module example.com/addon

go 1.23.0

toolchain go1.23.6
