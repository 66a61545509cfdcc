ARG GO_VERSION
FROM golang:${GO_VERSION}-bookworm AS builder
WORKDIR $SRC_DIR/app
COPY . .
RUN make build
