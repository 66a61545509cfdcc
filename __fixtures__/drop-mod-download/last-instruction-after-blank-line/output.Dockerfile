FROM golang:1.23
COPY go.mod go.sum ./
