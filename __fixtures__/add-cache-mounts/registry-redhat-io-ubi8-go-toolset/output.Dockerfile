FROM registry.redhat.io/ubi8/go-toolset AS build
COPY --chown=1001:0 . .
RUN --mount=type=cache,target=/opt/app-root/src/go/pkg/mod,uid=1001,gid=0 go mod download
RUN --mount=type=cache,target=/opt/app-root/src/go/pkg/mod,uid=1001,gid=0 \
    --mount=type=cache,target=/opt/app-root/src/.cache/go-build,uid=1001,gid=0 \
    go build -o /tmp/app .
