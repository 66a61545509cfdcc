FROM golang:1.23
WORKDIR /src
COPY . .
RUN <<EOT
set -e
go mod tidy
go build -o /app .
EOT
RUN <<EOT bash
go vet ./...
EOT
