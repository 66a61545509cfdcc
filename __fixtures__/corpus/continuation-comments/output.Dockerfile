FROM golang:1.21-bookworm AS build
RUN apt-get update && \
    # tools needed by cgo
    apt-get install -y --no-install-recommends gcc libc6-dev && \

    rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
        --mount=type=cache,target=/root/.cache/go-build \
        CGO_ENABLED=1 go build -mod=mod \
        -o /out/daemon \
        ./cmd/daemon

FROM debian:bookworm-slim
COPY --from=build /out/daemon /usr/bin/daemon
CMD ["daemon"]
