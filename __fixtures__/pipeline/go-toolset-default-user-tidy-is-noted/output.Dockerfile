FROM registry.access.redhat.com/ubi9/go-toolset:1.22
COPY . .
RUN --mount=type=cache,target=/opt/app-root/src/go/pkg/mod,uid=1001,gid=0 \
    --mount=type=cache,target=/opt/app-root/src/.cache/go-build,uid=1001,gid=0 \
    go build -o /tmp/app .
