ARG GO_VERSION=1.13
FROM golang:${GO_VERSION} AS dev
RUN go get github.com/githubnemo/CompileDaemon
FROM golang:${GO_VERSION} AS build
WORKDIR /src
COPY . .
RUN go build -o /app .
