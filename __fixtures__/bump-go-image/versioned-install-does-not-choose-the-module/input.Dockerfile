FROM golang:1.22 AS build
RUN go install golang.org/x/tools/cmd/stringer@latest
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
