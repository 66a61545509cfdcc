FROM golang:1.23 AS deps
WORKDIR /src
COPY go.mod go.sum ./
COPY bin/install-deps bin/
RUN ./bin/install-deps amd64
