FROM golang:1.23
COPY . .
RUN <<EOF
set -e
go build -o /app .
EOF
