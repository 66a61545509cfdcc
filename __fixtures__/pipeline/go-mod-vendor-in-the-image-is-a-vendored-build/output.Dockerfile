FROM golang:1.15 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod vendor
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go build -o /out/app .
