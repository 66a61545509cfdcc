FROM golang:1.18-alpine AS build
WORKDIR /src
COPY go.mod ./
COPY . .
RUN go build -o /app .
