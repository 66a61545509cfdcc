FROM cgr.dev/chainguard/go:latest-dev AS build
USER root
ENV GOPATH=/go
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /app .
