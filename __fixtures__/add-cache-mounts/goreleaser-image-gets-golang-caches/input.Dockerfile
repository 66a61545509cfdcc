FROM goreleaser/goreleaser:v2.3.2 AS builder
WORKDIR /build
COPY . .
RUN go build -o app .
