ARG REGISTRY=docker.io
ARG GO_IMAGE=${REGISTRY}/library/golang:1.21-alpine
FROM ${GO_IMAGE} AS build
WORKDIR /src
COPY . .
RUN go build -o /out/cron ./cmd/cron

FROM ${REGISTRY}/library/alpine:3.19
COPY --from=build /out/cron /cron
ENTRYPOINT ["/cron"]
