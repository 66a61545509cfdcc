FROM golang:1.11.6 as builder
WORKDIR $GOPATH/src/github.com/example/app
COPY pkg/    pkg/
COPY cmd/    cmd/
COPY vendor/ vendor/
RUN CGO_ENABLED=0 go build -o manager github.com/example/app/cmd/manager
