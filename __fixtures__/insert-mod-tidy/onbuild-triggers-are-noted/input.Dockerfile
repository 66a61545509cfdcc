FROM golang:1.24 AS base
WORKDIR /src
ONBUILD COPY . .
ONBUILD RUN go mod download
ONBUILD RUN go build -o /app .

FROM base AS build
RUN go build -o /app2 .
