FROM golang:1.9
WORKDIR /go/src/github.com/example/svc
COPY . .
RUN make build
