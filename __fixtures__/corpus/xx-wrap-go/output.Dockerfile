FROM --platform=$BUILDPLATFORM tonistiigi/xx AS xx
FROM --platform=$BUILDPLATFORM golang:1.21-bookworm AS builder
COPY --from=xx / /
ARG TARGETPLATFORM
RUN xx-apt-get install -y gcc libc6-dev
WORKDIR /go/src/github.com/acme/cli
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    xx-go --wrap && \
    CGO_ENABLED=1 go build -mod=mod -trimpath -o /usr/bin/cli ./cmd/cli && \
    xx-verify /usr/bin/cli

FROM debian:bookworm-slim
COPY --from=builder /usr/bin/cli /usr/bin/cli
CMD ["cli"]
