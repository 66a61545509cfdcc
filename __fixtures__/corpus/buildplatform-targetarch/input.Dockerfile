FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS builder
ARG TARGETOS
ARG TARGETARCH
WORKDIR /app
COPY go.* ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -ldflags="-w -s" -o /app/bin/exporter .

FROM --platform=$TARGETPLATFORM alpine:3.20
COPY --from=builder /app/bin/exporter /bin/exporter
USER nobody
EXPOSE 9100
ENTRYPOINT ["/bin/exporter"]
