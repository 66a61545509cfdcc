package main

import (
	"fmt"

	"example.com/monorepo/services/worker/internal/queue"
)

func main() { fmt.Println("worker:", queue.Name()) }
