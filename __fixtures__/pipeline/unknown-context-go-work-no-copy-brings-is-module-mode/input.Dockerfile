FROM golang:1.25 AS build
WORKDIR /app/
COPY go.mod go.sum ./
COPY tools/gen/ ./
RUN CGO_ENABLED=0 go build -o main main.go
