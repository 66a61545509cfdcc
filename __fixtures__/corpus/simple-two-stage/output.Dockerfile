FROM golang:1.22-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -mod=mod -o /bin/app ./cmd/app

FROM alpine:3.19
RUN apk add --no-cache ca-certificates
COPY --from=build /bin/app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
