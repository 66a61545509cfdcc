FROM golang:1.23
ENV GOCACHE=/tmp/go-build
USER 1000:1000
WORKDIR /tmp/src
COPY --chown=1000:1000 . .
RUN --mount=type=cache,target=/go/pkg/mod,id=/go/pkg/mod-uid1000,uid=1000,gid=1000 \
    --mount=type=cache,target=/tmp/go-build,id=/tmp/go-build-uid1000,uid=1000,gid=1000 \
    go build -o /tmp/app .
