FROM golang:1.23
ENV GOMODCACHE=/cache/mod
RUN --mount=type=cache,target=$GOMODCACHE --mount=type=cache,target=/root/.cache/go-build \
    go build -o /app .
