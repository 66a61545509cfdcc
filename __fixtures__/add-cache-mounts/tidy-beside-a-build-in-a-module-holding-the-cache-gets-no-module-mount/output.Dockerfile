FROM registry.access.redhat.com/ubi9/go-toolset:1.24
COPY --chown=1001:0 . .
RUN --mount=type=cache,target=/opt/app-root/src/.cache/go-build,uid=1001,gid=0 \
    go mod tidy && go build -o /tmp/app ./cmd/app
