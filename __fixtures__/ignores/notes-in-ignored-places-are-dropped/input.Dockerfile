FROM golang:1.23 AS build
COPY . .
# dockmod-ignore
RUN go build -mod=vendor -o /app .
RUN go build -mod=vendor -o /tool ./cmd/tool
