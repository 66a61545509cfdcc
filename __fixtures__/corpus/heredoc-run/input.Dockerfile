# syntax=docker/dockerfile:1.4
FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN <<EOF
set -eux
go mod download
go mod verify
EOF
COPY . .
RUN <<EOF
set -eux
CGO_ENABLED=0 go build -o /out/app ./cmd/app
go test ./...
EOF

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
