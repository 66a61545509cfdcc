FROM registry.access.redhat.com/ubi9/go-toolset:1.24 AS build
USER 0
RUN dnf install -y make
COPY . .
RUN --mount=type=cache,target=/opt/app-root/src/go/pkg/mod \
    --mount=type=cache,target=/opt/app-root/src/.cache/go-build \
    go build -o /tmp/app .
