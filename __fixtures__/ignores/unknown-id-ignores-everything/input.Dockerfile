FROM golang:1.23 AS build
COPY . .
# dockmod-ignore add-mod-flags
RUN go build -o /app .
RUN go build -o /tool ./cmd/tool
