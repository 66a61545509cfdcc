FROM golang:1.22 AS build
WORKDIR /repo
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -C services/notifier -mod=mod -o /out/notifier ./cmd/notifier

FROM gcr.io/distroless/static
COPY --from=build /out/notifier /notifier
ENTRYPOINT ["/notifier"]
