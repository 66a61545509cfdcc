module example.com/monorepo/services/gateway

go 1.23.0

toolchain go1.24.5

require golang.org/x/net v0.30.0
