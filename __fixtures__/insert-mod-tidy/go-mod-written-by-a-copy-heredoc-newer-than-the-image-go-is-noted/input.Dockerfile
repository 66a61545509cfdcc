FROM golang:1.17-alpine AS build
WORKDIR /work
COPY <<EOF go.mod
module hello
go 1.19
EOF
COPY main.go ./
RUN go build -o hello .
