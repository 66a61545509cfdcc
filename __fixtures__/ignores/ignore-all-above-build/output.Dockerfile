FROM golang:1.24 AS build
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
# dockmod-ignore
RUN go build -o /app .
