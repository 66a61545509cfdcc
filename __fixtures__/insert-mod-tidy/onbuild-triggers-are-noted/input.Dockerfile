FROM golang:1.24 AS base
WORKDIR /src
ONBUILD COPY . .
ONBUILD RUN go mod download
ONBUILD RUN go build -o /app .

FROM base AS build
RUN go build -o /app2 .

FROM golang:1.24 AS tools-base
ONBUILD RUN go install github.com/x/y@v1.0.0
