FROM golang:1.10
WORKDIR /go/src/github.com/example/svc
COPY . .
RUN make PREFIX=/go binaries
