# syntax=docker/dockerfile:1
ARG GO_VERSION=1.24
ARG ALPINE_VERSION=3.20

FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -mod=mod -o /out/gateway ./cmd/gateway

FROM alpine:${ALPINE_VERSION}
COPY --from=build /out/gateway /usr/local/bin/gateway
ENTRYPOINT ["gateway"]
