FROM --platform=$BUILDPLATFORM \
    golang:1.23-alpine \
    AS build
RUN go build ./...
