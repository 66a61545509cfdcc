FROM golang:1.23 AS build
WORKDIR /src
COPY go.mod go.sum ./
# Download dependencies
RUN go mod download

COPY . .
RUN go build -o /app .
