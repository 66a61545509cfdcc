FROM golang:1.24 AS build
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
# dockmod-ignore insert-mod-tidy, add-cache-mounts
RUN go build -mod=mod -o /app .
