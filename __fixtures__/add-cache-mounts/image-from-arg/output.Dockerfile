ARG GO_IMAGE=golang:1.23-bookworm
ARG BASE
FROM ${GO_IMAGE} AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /app .

FROM $BASE AS other
RUN go build -o /other .
