FROM golang:1.23 AS build
WORKDIR /work
COPY <<EOF go.mod
module hello
go 1.19
EOF
COPY *.go ./
RUN go mod tidy
RUN go build -mod=mod -o hello .
