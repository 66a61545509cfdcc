FROM golang:1.23
RUN case "$TARGET" in \
      api) go build -o /app ./cmd/api ;; \
      *) go build -o /app . ;; \
    esac
