ARG GO_VERSION=1.22
ARG BASE_IMAGE=gcr.io/distroless/static-debian12

FROM golang:${GO_VERSION} AS base
WORKDIR /src
COPY go.mod go.sum ./
COPY . .

FROM base AS test
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go test -race ./...

FROM golang:${GO_VERSION} AS lint-tools
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go install honnef.co/go/tools/cmd/staticcheck@2023.1.6

FROM base AS build
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -mod=mod -o /bin/api ./cmd/api

FROM ${BASE_IMAGE}
COPY --from=build /bin/api /api
ENTRYPOINT ["/api"]
