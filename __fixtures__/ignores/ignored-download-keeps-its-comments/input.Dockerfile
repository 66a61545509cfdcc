FROM golang:1.23 AS build
WORKDIR /src
COPY go.mod go.sum ./
# Fetch modules first, for the layer cache
# dockmod-ignore
RUN go mod download
COPY . .
RUN go build -o /app .
