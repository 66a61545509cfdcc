FROM golang:1.22
WORKDIR /src
COPY . .
# ── tests ─────────────────────────────────────────────
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go test -race ./...
