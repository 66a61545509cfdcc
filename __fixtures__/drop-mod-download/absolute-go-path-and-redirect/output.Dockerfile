FROM golang:1.23
COPY . .
