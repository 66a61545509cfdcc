FROM golang:1.22
WORKDIR /go/src/example.com/app
COPY . .
RUN GO111MODULE=on make build
