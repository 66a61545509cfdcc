ARG TARGETARCH
FROM ubuntu:22.04 AS base-amd64
FROM ubuntu:20.04 AS base-arm64
FROM base-${TARGETARCH} AS build
RUN apt-get update && apt-get install -y golang-go
WORKDIR /src
COPY . .
RUN go build -o /app .
