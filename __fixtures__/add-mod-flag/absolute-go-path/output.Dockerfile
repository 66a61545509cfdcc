FROM golang:1.23
RUN /usr/local/go/bin/go build -mod=mod -o /app .
