FROM golang:1.21 AS build
WORKDIR /src
COPY . .
RUN go mod init example.com/other || true
RUN go get ./...
RUN go build -o /out/app .
