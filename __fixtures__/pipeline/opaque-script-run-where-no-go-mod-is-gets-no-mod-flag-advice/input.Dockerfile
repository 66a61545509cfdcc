FROM golang:1.23 AS restic-builder
ENV CGO_ENABLED=0 GO111MODULE=on
COPY . /go/src/github.com/example/app
RUN /go/src/github.com/example/app/hack/build-restic.sh
