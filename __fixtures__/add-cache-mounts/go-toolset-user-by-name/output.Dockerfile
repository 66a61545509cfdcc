FROM registry.access.redhat.com/ubi10/go-toolset:latest AS build
USER root
RUN dnf install -y make
USER default
COPY --chown=default:root . .
RUN --mount=type=cache,target=/opt/app-root/src/go/pkg/mod,uid=1001,gid=0 \
    --mount=type=cache,target=/opt/app-root/src/.cache/go-build,uid=1001,gid=0 \
    go test ./... && go build -o /tmp/app .
