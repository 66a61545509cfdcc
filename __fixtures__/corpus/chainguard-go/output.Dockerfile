FROM cgr.dev/chainguard/go:latest AS builder
WORKDIR /work
COPY go.mod go.sum ./
COPY . .
RUN --mount=type=cache,target=/root/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/root/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -mod=mod -o hello .

FROM cgr.dev/chainguard/static:latest
COPY --from=builder /work/hello /hello
ENTRYPOINT ["/hello"]
