FROM goreleaser/goreleaser:v2.3.2 AS builder
WORKDIR /build
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o app .
