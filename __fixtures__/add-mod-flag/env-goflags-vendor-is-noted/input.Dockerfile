FROM golang:1.23
ENV GOFLAGS=-mod=vendor
COPY . .
RUN go build -o app .
