FROM golang:1.22-alpine AS builder
WORKDIR /go/src/example.com/svc
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go run build.go

FROM alpine:3.20
COPY --from=builder /go/src/example.com/svc/svc /usr/bin/svc
