# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
COPY --from=tonistiigi/xx:1.5.0 / /
ARG TARGETPLATFORM
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
RUN <<EOT
set -e
xx-go build -o /out/app ./cmd/app
xx-verify /out/app
EOT

FROM alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
