FROM golang:1.23-alpine AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /bin/newer ./cmd/newer

FROM alpine:3.20
COPY --from=build /bin/newer /bin/newer
