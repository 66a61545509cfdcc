FROM golang:1.21 AS build
WORKDIR /go/src/app
COPY go.mod go.sum* ./
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /go/bin/app

FROM debian:bookworm-slim
COPY --from=build /go/bin/app /app
CMD ["/app"]
