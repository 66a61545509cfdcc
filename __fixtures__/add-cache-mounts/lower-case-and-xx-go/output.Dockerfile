from --platform=$BUILDPLATFORM golang:1.23-alpine as build
copy --from=tonistiigi/xx:1.5.0 / /
arg TARGETPLATFORM
run --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    xx-go build -o /app .
