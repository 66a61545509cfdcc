FROM golang:1.15
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go get github.com/example/tool/cmd/tool
RUN cp /go/src/github.com/example/tool/conf.toml /etc/tool.toml
