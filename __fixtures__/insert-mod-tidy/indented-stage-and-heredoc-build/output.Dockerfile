FROM golang:1.23 AS build
  WORKDIR /src
  COPY . .
  RUN go mod tidy
  RUN <<EOT
set -e
go build -o /app .
EOT
