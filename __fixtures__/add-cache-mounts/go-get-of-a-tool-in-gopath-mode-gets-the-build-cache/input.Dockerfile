FROM golang:1.12
WORKDIR /go/src/github.com/example/svc
RUN go get github.com/golang/dep/cmd/dep
COPY . .
RUN go build -o /svc .
