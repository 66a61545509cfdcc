FROM example.com/platform/go-builder:1.2 AS build
USER root
ENV GOPATH=/go
WORKDIR /src
COPY . .
RUN go build -o /app .
