FROM goreleaser/goreleaser:v2.3.2 AS builder
WORKDIR /build
COPY . .
RUN goreleaser build --single-target --snapshot --clean
FROM alpine
COPY --from=builder /build/dist/*/app /usr/local/bin/app
