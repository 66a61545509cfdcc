FROM golang:1.23
RUN <<EOF
set -eu
go generate ./...
go build -mod=mod -o /app ./cmd/app
EOF
