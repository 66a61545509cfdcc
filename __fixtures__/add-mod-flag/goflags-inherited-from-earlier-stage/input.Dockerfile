FROM golang:1.23 AS base
ENV GOFLAGS=-mod=vendor

FROM base AS build
RUN go build -o app .
