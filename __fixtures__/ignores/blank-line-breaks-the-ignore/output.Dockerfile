FROM golang:1.23 AS build
WORKDIR /src
COPY . .
# dockmod-ignore

RUN go build -mod=mod -o /app .
