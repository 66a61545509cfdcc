FROM golang:1.21-bookworm AS build
RUN apt-get update && \
    # tools needed by cgo
    apt-get install -y --no-install-recommends gcc libc6-dev && \

    rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN go mod download && \
    # build the daemon
    CGO_ENABLED=1 go build \
        -o /out/daemon \
        ./cmd/daemon

FROM debian:bookworm-slim
COPY --from=build /out/daemon /usr/bin/daemon
CMD ["daemon"]
