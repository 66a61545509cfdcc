FROM golang:1.21 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod download 2>&1 | tee /tmp/download.log
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    set -o pipefail && go build -mod=mod -v ./... 2>&1 | tee /tmp/build.log

FROM alpine:3.19
COPY --from=build /tmp/build.log /build.log
