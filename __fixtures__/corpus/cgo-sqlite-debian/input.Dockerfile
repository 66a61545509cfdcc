FROM golang:1.21-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libsqlite3-dev
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -tags "sqlite_omit_load_extension netgo" -ldflags '-linkmode external -extldflags "-static"' -o /out/db ./cmd/db

FROM debian:bookworm-slim
COPY --from=build /out/db /usr/local/bin/db
CMD ["db"]
