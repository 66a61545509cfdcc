FROM ubuntu:20.04 AS focal
RUN apt-get update && apt-get install -y --no-install-recommends golang-go ca-certificates
WORKDIR /server
COPY . .
RUN go build -o app .

FROM debian:bookworm-slim AS bookworm
RUN apt-get update && apt-get install -y golang-go
WORKDIR /server
COPY . .
RUN go build -o app .

FROM ubuntu:latest AS moving
RUN apt-get update && \
    apt-get install -y golang-1.12-go
WORKDIR /server
COPY . .
RUN go build -o app .
