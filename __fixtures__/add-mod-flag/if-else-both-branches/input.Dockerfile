FROM golang:1.23
ARG COVER
RUN if [ -n "$COVER" ]; then \
      go build -cover -o app .; \
    else \
      go build -o app .; \
    fi
