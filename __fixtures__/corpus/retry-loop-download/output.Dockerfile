FROM golang:1.21 AS build
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /out/retry .

FROM alpine:3.19
COPY --from=build /out/retry /retry
