FROM golang:1.21-alpine3.18 AS build
RUN apk add --no-cache build-base
WORKDIR /src
COPY . .
RUN go mod download && CGO_ENABLED=1 go build -tags musl -o /bin/kafka-consumer ./cmd/consumer

FROM alpine:3.18
COPY --from=build /bin/kafka-consumer /bin/kafka-consumer
ENTRYPOINT ["/bin/kafka-consumer"]
