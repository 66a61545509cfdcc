FROM docker.io/library/golang:1.22 AS builder
WORKDIR /workspace
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -mod=mod -o webhook ./cmd/webhook

FROM docker.io/library/alpine:3.19
COPY --from=builder /workspace/webhook /usr/local/bin/webhook
ENTRYPOINT ["webhook"]
