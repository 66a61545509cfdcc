FROM golang:1.23 AS build
WORKDIR /src
COPY go.mod go.sum ./
# dockmod-ignore
COPY . .
RUN go mod tidy
RUN go build -o /app .
