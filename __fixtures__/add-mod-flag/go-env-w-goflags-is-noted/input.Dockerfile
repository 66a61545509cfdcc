FROM golang:1.23
RUN go env -w GOFLAGS=-mod=readonly
RUN go build -o app .
