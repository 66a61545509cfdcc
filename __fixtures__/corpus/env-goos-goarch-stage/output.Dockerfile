FROM golang:1.21 AS build
ENV CGO_ENABLED=0 \
    GOOS=linux \
    GOARCH=amd64
WORKDIR /build
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -ldflags="-s -w" -o app .

FROM scratch
COPY --from=build /build/app /app
ENTRYPOINT ["/app"]
