FROM golang:1.23 AS build
WORKDIR /src
COPY . .
RUN go mod download
RUN go build -o /out/api ./services/api
