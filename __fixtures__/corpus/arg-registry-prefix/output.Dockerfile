ARG REGISTRY=docker.io
ARG GO_IMAGE=${REGISTRY}/library/golang:1.22-alpine
FROM ${GO_IMAGE} AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /out/cron ./cmd/cron

FROM ${REGISTRY}/library/alpine:3.19
COPY --from=build /out/cron /cron
ENTRYPOINT ["/cron"]
