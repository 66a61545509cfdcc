FROM golang:1.15
WORKDIR /go/src/example.com/app
COPY main.go Makefile ./
RUN GO111MODULE=off make build
