ARG GO_VERSION="1.22.4"
ARG ALPINE_VERSION="3.19"

FROM golang:${GO_VERSION}-alpine${ALPINE_VERSION} AS builder
WORKDIR /go/src/app
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -v -o /go/bin/app ./...

FROM alpine:${ALPINE_VERSION}
COPY --from=builder /go/bin/app /app
CMD ["/app"]
