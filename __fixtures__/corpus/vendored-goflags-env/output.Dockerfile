FROM golang:1.20 AS builder
ENV GOFLAGS=-mod=vendor
ENV CGO_ENABLED=0
WORKDIR /go/src/github.com/acme/legacy
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go build -o /usr/local/bin/legacy ./cmd/legacy

FROM scratch
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=builder /usr/local/bin/legacy /legacy
ENTRYPOINT ["/legacy"]
