FROM golang:1.12-alpine AS builder
WORKDIR /go/src/github.com/acme/legacy
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go install .
