FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS builder
ARG TARGETOS
ARG TARGETARCH
WORKDIR /app
COPY go.* ./
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -mod=mod -ldflags="-w -s" -o /app/bin/exporter .

FROM --platform=$TARGETPLATFORM alpine:3.20
COPY --from=builder /app/bin/exporter /bin/exporter
USER nobody
EXPOSE 9100
ENTRYPOINT ["/bin/exporter"]
