FROM golang:1.23
RUN case "$TARGET" in \
      api) go build -mod=mod -o /app ./cmd/api ;; \
      *) go build -mod=mod -o /app . ;; \
    esac
