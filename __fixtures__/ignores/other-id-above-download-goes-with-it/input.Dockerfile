FROM golang:1.23 AS build
WORKDIR /src
COPY go.mod go.sum ./
# dockmod-ignore add-mod-flag
RUN go mod download
COPY . .
RUN go build -o /app .
