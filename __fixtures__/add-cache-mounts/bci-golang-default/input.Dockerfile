FROM registry.suse.com/bci/golang:1.24 AS build
WORKDIR /src
COPY . .
RUN go build -o /app .
