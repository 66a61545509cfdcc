FROM golang:1.23 AS tools
ENV GOFLAGS=-mod=vendor

FROM golang:1.23 AS build
RUN go build -mod=mod -o app .
