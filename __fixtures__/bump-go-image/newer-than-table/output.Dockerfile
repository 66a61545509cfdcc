FROM golang:1.28-alpine AS build
FROM golang:1.28 AS test
FROM golang:1.27-alpine3.23 AS tools
FROM golang:1.28.0-bookworm AS lint
