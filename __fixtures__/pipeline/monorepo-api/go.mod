module example.com/monorepo/services/api

go 1.23.0

toolchain go1.24.5

require github.com/go-chi/chi/v5 v5.1.0
