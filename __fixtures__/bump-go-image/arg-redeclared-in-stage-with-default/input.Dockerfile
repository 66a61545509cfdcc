ARG GO_VERSION=1.23
FROM golang:${GO_VERSION} AS build
ARG GO_VERSION=1.23
RUN echo "building with Go ${GO_VERSION}"
