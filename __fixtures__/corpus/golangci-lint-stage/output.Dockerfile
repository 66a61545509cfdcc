FROM golangci/golangci-lint:v1.55.2 AS lint
WORKDIR /src
COPY . .
RUN golangci-lint run --timeout 5m

FROM golang:1.21 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /out/linted ./...

FROM alpine:3.19
COPY --from=build /out/linted /linted
