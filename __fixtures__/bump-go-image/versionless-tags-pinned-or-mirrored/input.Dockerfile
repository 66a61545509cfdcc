FROM golang:alpine@sha256:f85330846cde1e57ca9ec309382da3b8e6ae3ab943d2739500e08c86393a21b1 AS pinned
WORKDIR /src
COPY . .
RUN go build -o /app .

FROM registry.example/team/golang:alpine AS mirror-moving
WORKDIR /src
COPY . .
RUN go build -o /app .

FROM registry.example/team/golang:1.20-alpine AS mirror-pinned
WORKDIR /src
COPY . .
RUN go build -o /app .
