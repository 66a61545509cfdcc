FROM golang:1.23 AS base
ENV GOCACHE=/tmp/go-build
WORKDIR /src

FROM base AS build
COPY . .
RUN go build -o /app .
