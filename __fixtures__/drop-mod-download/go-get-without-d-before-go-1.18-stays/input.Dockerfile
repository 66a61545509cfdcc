FROM golang:1.16 AS build
WORKDIR /src
COPY . .
RUN go get ./...
RUN go build -o /out/app .
