FROM golang:1.23 AS build
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN go mod tidy
RUN go build -o /out/app .
