FROM golang:1.22
WORKDIR /src
COPY . .
ARG TARGETOS TARGETARCH CACHE_ROOT=/cache
ENV GOCACHE=${CACHE_ROOT}/go-build
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/cache/go-build \
    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .
ARG TARGETPLATFORM TARGETVARIANT
ENV GOMODCACHE=/mods/${TARGETPLATFORM}
RUN go build -o /out/other ./cmd/other
