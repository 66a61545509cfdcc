FROM golang:1.21-alpine AS build
WORKDIR /src
COPY main.go .
RUN go build -o /app main.go
