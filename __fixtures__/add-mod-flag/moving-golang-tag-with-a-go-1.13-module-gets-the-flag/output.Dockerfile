FROM golang:latest AS build
WORKDIR /src
COPY . .
RUN go build -mod=mod -o /app .
