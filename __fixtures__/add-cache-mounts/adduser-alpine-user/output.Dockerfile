FROM golang:1.23-alpine
RUN adduser -D -u 1000 app
USER app
WORKDIR /home/app/src
COPY --chown=app . .
RUN --mount=type=cache,target=/go/pkg/mod,id=/go/pkg/mod-uid1000,uid=1000 \
    --mount=type=cache,target=/home/app/.cache/go-build,uid=1000 \
    go build -o /home/app/bin/app .
