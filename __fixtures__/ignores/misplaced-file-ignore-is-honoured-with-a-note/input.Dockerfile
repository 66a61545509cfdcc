FROM golang:1.23 AS build
# dockmod-ignore-file
WORKDIR /src
RUN go mod download
RUN go build -o /app .
