FROM alpine:3.15 AS apk
WORKDIR /app
COPY . .
RUN apk add --no-cache bash git go gcc musl-dev; make build

FROM debian:bookworm AS apt
WORKDIR /app
COPY . .
RUN apt-get update && apt-get install -y golang-go make
RUN make build

FROM alpine:3.15 AS no-go
WORKDIR /app
COPY . .
RUN apk add --no-cache go-task make
RUN make build
