module example.com/monorepo/services/billing

go 1.23.0

toolchain go1.24.5

require github.com/stripe/stripe-go/v81 v81.0.0
