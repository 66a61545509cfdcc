FROM golang:1.23
RUN go build -mod=vendor -o app .
