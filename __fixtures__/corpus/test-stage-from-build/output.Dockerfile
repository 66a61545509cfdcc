FROM golang:1.21 AS base
WORKDIR /src
COPY go.mod go.sum ./
COPY . .

FROM base AS unit-test
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go test -v -count=1 ./...

FROM base AS build
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /bin/svc ./cmd/svc

FROM alpine:3.19
COPY --from=build /bin/svc /bin/svc
CMD ["svc"]
