FROM golang:1.15-alpine AS builder
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    git clone https://example.com/tools/cli.git && \
    cd cli && \
    go build -o /cli .

FROM alpine:3.20
COPY server /bin/server
COPY --from=builder /cli /bin/cli
