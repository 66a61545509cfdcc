FROM golang:alpine3.19 AS frozen
WORKDIR /src
COPY . .
RUN go build -o /app .

FROM golang:alpine AS moving
WORKDIR /src
COPY . .
RUN go build -o /app .

FROM golang:alpine3.16 AS frozen-older-than-needed
WORKDIR /src
COPY go.mod .
