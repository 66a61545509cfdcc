FROM golang:1.10
WORKDIR /go/src/github.com/example/app
COPY . .
RUN go get -d -v ./...
RUN go build -o /go/bin/app .
