FROM golang:1.15
ENV GO111MODULE=off
WORKDIR /go/src/example.com/tool
COPY . .
RUN go install ./...
