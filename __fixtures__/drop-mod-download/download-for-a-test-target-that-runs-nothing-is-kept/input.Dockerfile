FROM golang:1.22 AS base
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .

FROM base AS test
ENV CGO_ENABLED=1
RUN apt-get update && apt-get install -y g++

FROM base AS check
RUN go vet ./...
