FROM golang:1.15 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod vendor
COPY . .
RUN go build -o /out/app .
