FROM golang:1.22-alpine3.18 AS build
RUN apk add --no-cache build-base
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=1 go build -mod=mod -tags musl -o /bin/kafka-consumer ./cmd/consumer

FROM alpine:3.18
COPY --from=build /bin/kafka-consumer /bin/kafka-consumer
ENTRYPOINT ["/bin/kafka-consumer"]
