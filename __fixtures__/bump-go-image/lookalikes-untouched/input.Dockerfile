FROM golangci/golangci-lint:v1.55.2 AS lint
FROM golang-migrate/migrate:v4.17.0 AS migrate
FROM mygolang:1.20 AS mine
FROM bitnami/golang:1.20 AS bitnami
FROM example.com/tools/golang-builder:1.20 AS builder
