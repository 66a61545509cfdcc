# syntax=docker/dockerfile:1.7
FROM golang:1.23
RUN go build -o /app .
