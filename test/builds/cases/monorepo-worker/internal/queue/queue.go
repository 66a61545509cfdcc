package queue

import "github.com/nats-io/nats.go"

func Name() string { return "queue over " + nats.Name() }
