FROM golang:1.22 AS build
WORKDIR /src
COPY svc/go.mod svc/go.sum ./
# gen/ is generated before the image is built: not in the checkout
COPY gen/ ./gen/
COPY svc/ ./
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy -e
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /app .

FROM scratch
COPY --from=build /app /app
