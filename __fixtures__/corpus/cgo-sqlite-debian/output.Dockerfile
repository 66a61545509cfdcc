FROM golang:1.21-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libsqlite3-dev
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=1 go build -mod=mod -tags "sqlite_omit_load_extension netgo" -ldflags '-linkmode external -extldflags "-static"' -o /out/db ./cmd/db

FROM debian:bookworm-slim
COPY --from=build /out/db /usr/local/bin/db
CMD ["db"]
