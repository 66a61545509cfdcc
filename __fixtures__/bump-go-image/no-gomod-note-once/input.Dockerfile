FROM alpine:3.20 AS certs
FROM golang:1.23-alpine AS build
RUN go build ./...
FROM golang:1.23 AS test
