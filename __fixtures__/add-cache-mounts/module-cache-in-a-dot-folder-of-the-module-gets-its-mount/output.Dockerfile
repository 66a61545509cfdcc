FROM golang:1.24
ENV GOMODCACHE=/src/.modcache
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/src/.modcache \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /out/ ./...
