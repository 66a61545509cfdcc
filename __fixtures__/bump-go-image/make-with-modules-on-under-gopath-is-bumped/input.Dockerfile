FROM golang:1.12
WORKDIR /go/src/example.com/app
COPY . .
RUN GO111MODULE=on make build
