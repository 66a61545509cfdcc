FROM golang:1.23 AS builder
WORKDIR /app
COPY go.mod go.sum ./
COPY cmd/ cmd/
COPY internal/ internal/
RUN go mod tidy -e
RUN go build -o /usr/local/bin/worker ./cmd/worker
