#!/bin/sh
set -e
go mod download
go install github.com/golang/mock/mockgen@v1.6.0
