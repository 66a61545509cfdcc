ARG GO_VERSION=1.24

FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
RUN go build ./...

FROM golang:${GO_VERSION} AS test
RUN go test ./...
