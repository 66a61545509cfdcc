FROM golang:1.22-alpine AS build
RUN addgroup -g 1000 builder && adduser -D -u 1000 -G builder builder
USER builder
WORKDIR /home/builder/src
COPY --chown=builder:builder go.mod go.sum ./
COPY --chown=builder:builder . .
RUN --mount=type=cache,target=/go/pkg/mod,id=/go/pkg/mod-uid1000,uid=1000,gid=1000 go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod,id=/go/pkg/mod-uid1000,uid=1000,gid=1000 \
    --mount=type=cache,target=/home/builder/.cache/go-build,uid=1000,gid=1000 \
    go build -mod=mod -o /home/builder/bin/app ./cmd/app

FROM alpine:3.20
COPY --from=build /home/builder/bin/app /usr/local/bin/app
USER 1000
ENTRYPOINT ["app"]
