FROM golang:1.23 AS tools
RUN go install github.com/go-delve/delve/cmd/dlv@v1.23.0
