ARG GO_VERSION=1.22
FROM golang:${GO_VERSION}-alpine AS builder

RUN apk add --no-cache git make
WORKDIR /build
COPY go.mod go.sum ./
RUN go mod download && go mod verify
COPY . .
RUN make build

FROM alpine:3.19
COPY --from=builder /build/bin/proxy /proxy
ENTRYPOINT ["/proxy"]
