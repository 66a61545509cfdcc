FROM golang:1.22-alpine AS builder
WORKDIR /go/src/app
COPY . .
RUN go build -o /go/bin/app -v ./...
