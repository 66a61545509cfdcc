FROM golang:1.15
ENV GO111MODULE=off
WORKDIR /go/src/github.com/acme/app
COPY . .
RUN go build -o /app .
