FROM golang:1.22-alpine AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go install github.com/gobuffalo/packr/v2/packr2
COPY . .
RUN packr2
RUN go mod tidy
RUN go build -o /out/app .
