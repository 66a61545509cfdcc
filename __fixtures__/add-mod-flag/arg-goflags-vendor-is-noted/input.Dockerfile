FROM golang:1.23
ARG GOFLAGS="-mod=vendor -trimpath"
RUN go build -o app .
