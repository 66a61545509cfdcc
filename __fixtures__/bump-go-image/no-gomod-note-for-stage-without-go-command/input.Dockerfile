FROM golang:1.22 AS tools
RUN apt-get update && apt-get install -y make
FROM alpine:3.20
COPY --from=tools /usr/bin/make /usr/bin/make
