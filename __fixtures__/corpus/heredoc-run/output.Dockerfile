# syntax=docker/dockerfile:1.4
FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build <<EOF
set -eux
CGO_ENABLED=0 go build -mod=mod -o /out/app ./cmd/app
go test ./...
EOF

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
