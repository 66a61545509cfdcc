ARG VERSION=1.23
FROM golang:${VERSION} AS build
FROM example/tool:${VERSION}
