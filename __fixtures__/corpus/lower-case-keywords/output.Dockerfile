from golang:1.22-alpine as build
workdir /src
copy go.mod go.sum ./
copy . .
run --mount=type=cache,target=/go/pkg/mod go mod tidy
run --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /out/lower ./cmd/lower

from alpine:3.19
copy --from=build /out/lower /lower
entrypoint ["/lower"]
