FROM golang:1.23 AS base
WORKDIR /src
COPY . .
RUN go build ./...

FROM base AS api
RUN go build -o /out/api ./cmd/api

FROM base AS test
RUN go test ./...
