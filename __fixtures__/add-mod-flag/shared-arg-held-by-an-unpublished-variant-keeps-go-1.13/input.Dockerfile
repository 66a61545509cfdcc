ARG V=1.13
FROM golang:${V}-alpine3.11 AS a
RUN echo
FROM golang:${V} AS build
WORKDIR /src
COPY . .
RUN go build -o /app .
