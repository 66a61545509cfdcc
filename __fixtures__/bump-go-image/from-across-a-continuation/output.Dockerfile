FROM --platform=$BUILDPLATFORM \
    golang:1.24-alpine \
    AS build
RUN go build ./...
