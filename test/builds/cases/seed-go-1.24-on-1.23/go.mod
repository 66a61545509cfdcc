module example.com/go124

go 1.24

toolchain go1.24.4

require example.com/greet v1.0.0

require example.com/words v1.0.0 // indirect
