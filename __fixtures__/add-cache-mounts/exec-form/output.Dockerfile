FROM golang:1.23
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build ["go", "build", "-o", "/app", "."]
RUN --network=none --mount=type=cache,target=/root/.cache/go-build \
    ["env", "CGO_ENABLED=0", "go", "test", "./..."]
