module example.com/monorepo/services/worker

go 1.23.4

require github.com/nats-io/nats.go v1.37.0
