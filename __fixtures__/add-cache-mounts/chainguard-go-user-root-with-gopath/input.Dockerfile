FROM cgr.dev/chainguard/go:latest-dev AS build
USER root
ENV GOPATH=/go
WORKDIR /src
COPY . .
RUN go build -o /app .
