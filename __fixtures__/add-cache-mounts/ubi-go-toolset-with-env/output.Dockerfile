FROM registry.access.redhat.com/ubi9/go-toolset:1.22
USER 1001
ENV GOMODCACHE=/opt/app-root/src/go/pkg/mod \
    GOCACHE=/opt/app-root/src/.cache/go-build
COPY --chown=1001:0 . .
RUN --mount=type=cache,target=/opt/app-root/src/go/pkg/mod,uid=1001,gid=0 \
    --mount=type=cache,target=/opt/app-root/src/.cache/go-build,uid=1001,gid=0 \
    go build -o /opt/app-root/app .
