FROM registry.access.redhat.com/ubi9/go-toolset:1.24
USER 1001
ENV HOME=/home/builder
RUN --mount=type=cache,target=/home/builder/go/pkg/mod,uid=1001,gid=0 \
    --mount=type=cache,target=/home/builder/.cache/go-build,uid=1001,gid=0 \
    go build -o /tmp/app .
ENV GOMODCACHE=/var/cache/gomod GOCACHE=/var/cache/gobuild
RUN --mount=type=cache,target=/var/cache/gomod,id=/var/cache/gomod-uid1001,uid=1001,gid=0 \
    --mount=type=cache,target=/var/cache/gobuild,id=/var/cache/gobuild-uid1001,uid=1001,gid=0 \
    go build -o /tmp/app2 .
