FROM golang:1.22-alpine AS deps
WORKDIR /src
COPY go.mod go.sum ./

FROM deps AS build-api
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /out/api ./cmd/api

FROM deps AS build-worker
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /out/worker ./cmd/worker

FROM alpine:3.19 AS api
COPY --from=build-api /out/api /api
ENTRYPOINT ["/api"]

FROM alpine:3.19 AS worker
COPY --from=build-worker /out/worker /worker
ENTRYPOINT ["/worker"]
