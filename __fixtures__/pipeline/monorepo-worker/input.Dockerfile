FROM golang:1.23 AS builder

WORKDIR /app
COPY go.mod go.sum ./
RUN go mod download || true
COPY cmd/ cmd/
COPY internal/ internal/
RUN go build -o /usr/local/bin/worker ./cmd/worker

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY --from=builder /usr/local/bin/worker /usr/local/bin/worker
CMD ["worker"]
