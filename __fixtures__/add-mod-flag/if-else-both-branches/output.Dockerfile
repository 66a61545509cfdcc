FROM golang:1.23
ARG COVER
RUN if [ -n "$COVER" ]; then \
      go build -mod=mod -cover -o app .; \
    else \
      go build -mod=mod -o app .; \
    fi
