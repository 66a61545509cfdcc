FROM golang:1.22 AS base
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
FROM base AS base-amd64
ENV GOARCH=amd64
FROM base AS base-arm64
ENV GOARCH=arm64
FROM base-${TARGETARCH} AS build
COPY . .
RUN go build -o /out/app .
