FROM golang:1.23
RUN --mount=type=cache,target=/root/.cache/go-build \
    --mount=type=cache,target=/go/pkg/mod \
    GOPATH="/go/src/vendor:$GOPATH"; go build -o /bin/registry example.com/registry
