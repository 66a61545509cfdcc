package main

import (
	"fmt"

	"github.com/jackc/pgx/v5"
)

func main() { fmt.Println("reports:", pgx.Name()) }
