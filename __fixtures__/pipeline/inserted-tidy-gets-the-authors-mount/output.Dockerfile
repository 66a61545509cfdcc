ARG builder_image
FROM ${builder_image} AS builder
WORKDIR /workspace
COPY go.mod go.mod
COPY go.sum go.sum
COPY ./ ./
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/root/.cache/go-build \
    --mount=type=cache,target=/go/pkg/mod \
    go build -mod=mod -o manager .
