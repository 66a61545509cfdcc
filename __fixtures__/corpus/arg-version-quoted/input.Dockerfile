ARG GO_VERSION="1.21.6"
ARG ALPINE_VERSION="3.19"

FROM golang:${GO_VERSION}-alpine${ALPINE_VERSION} AS builder
WORKDIR /go/src/app
COPY . .
RUN go mod download
RUN go build -v -o /go/bin/app ./...

FROM alpine:${ALPINE_VERSION}
COPY --from=builder /go/bin/app /app
CMD ["/app"]
