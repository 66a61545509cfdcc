FROM docker.io/library/golang:1.21 AS builder
WORKDIR /workspace
COPY . .
RUN go mod download
RUN CGO_ENABLED=0 go build -o webhook ./cmd/webhook

FROM docker.io/library/alpine:3.19
COPY --from=builder /workspace/webhook /usr/local/bin/webhook
ENTRYPOINT ["webhook"]
