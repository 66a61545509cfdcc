FROM golang:1.23 AS build
RUN go install golang.org/x/tools/cmd/stringer@latest
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
