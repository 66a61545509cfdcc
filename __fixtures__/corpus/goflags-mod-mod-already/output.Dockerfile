FROM golang:1.21 AS build
ENV GOFLAGS=-mod=mod
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /bin/modmod ./cmd/modmod

FROM alpine:3.19
COPY --from=build /bin/modmod /bin/modmod
