FROM golang:1.12-stretch
ADD https://example.com/tool.tar.xz /usr/local
WORKDIR /go/src/app
ADD src src
RUN --mount=type=cache,target=/root/.cache/go-build go build -o main src/main.go
