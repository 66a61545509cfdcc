FROM ubuntu:16.04
RUN apt-get update && apt-get install -y golang-go git
ENV GOPATH /go
COPY . /go/src/example.com/a
WORKDIR /go/src/example.com/a
RUN go get -d ./... && go build -o /a .
