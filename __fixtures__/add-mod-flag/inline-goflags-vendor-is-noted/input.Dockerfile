FROM golang:1.23
RUN GOFLAGS=-mod=vendor go build -o app .
