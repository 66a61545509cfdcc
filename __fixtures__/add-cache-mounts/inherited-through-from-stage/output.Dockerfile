FROM golang:1.23 AS base
ENV GOCACHE=/tmp/go-build
WORKDIR /src

FROM base AS build
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/tmp/go-build go build -o /app .
