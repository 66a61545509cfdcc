FROM golang:1.21 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go install -mod=mod ./cmd/...

FROM debian:bookworm-slim
COPY --from=build /go/bin/ /usr/local/bin/
