FROM golang:1.21 AS builder
RUN apt-get update && apt-get install -y make git
WORKDIR /go/src/github.com/acme/made
COPY Makefile go.mod go.sum ./
COPY . .
RUN make build BINARY=/usr/local/bin/made

FROM debian:bookworm-slim
COPY --from=builder /usr/local/bin/made /usr/local/bin/made
CMD ["made"]
