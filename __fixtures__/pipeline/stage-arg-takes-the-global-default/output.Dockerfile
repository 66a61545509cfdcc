ARG SERVICE=svc
FROM golang:1.22 AS build
ARG SERVICE
WORKDIR /src
COPY ${SERVICE} .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /app .
