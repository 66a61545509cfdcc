FROM golang:1.25 AS build
WORKDIR /app/
COPY go.mod go.sum ./
COPY tools/gen/ ./
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy -e
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -mod=mod -o main main.go
