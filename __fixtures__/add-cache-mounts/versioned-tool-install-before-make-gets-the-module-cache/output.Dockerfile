FROM golang:1.22-alpine AS builder
RUN apk add make git
WORKDIR /go/src/example.com/chain
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go install cosmossdk.io/tools/cosmovisor/cmd/cosmovisor@latest
RUN --mount=type=cache,target=/root/.cache/go-build go get example.com/private/nft@v1.2.0
RUN make build

FROM golang:1.22-alpine AS vendoring-tools
RUN --mount=type=cache,target=/root/.cache/go-build \
    go install github.com/golangci/golangci-lint/cmd/golangci-lint@v1.55.2
RUN cp -r /go/pkg/mod/github.com/golangci /tools-src
