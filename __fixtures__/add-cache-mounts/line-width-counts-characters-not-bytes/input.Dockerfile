FROM golang:1.22
WORKDIR /src
COPY . .
# ── tests ─────────────────────────────────────────────
RUN go test -race ./...
