FROM golang:1.23 AS build
COPY . .
# dockmod-ignore add-mod-flags
RUN go build -o /app .
RUN go build -mod=mod -o /tool ./cmd/tool
