FROM registry.access.redhat.com/ubi9/go-toolset:1.21 AS builder
COPY --chown=1001:0 go.mod go.sum ./
COPY --chown=1001:0 . .
RUN --mount=type=cache,target=/opt/app-root/src/go/pkg/mod,uid=1001,gid=0 go mod tidy
RUN --mount=type=cache,target=/opt/app-root/src/go/pkg/mod,uid=1001,gid=0 \
    --mount=type=cache,target=/opt/app-root/src/.cache/go-build,uid=1001,gid=0 \
    go build -mod=mod -o /opt/app-root/src/bin/operator ./cmd/operator

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.3
COPY --from=builder /opt/app-root/src/bin/operator /usr/local/bin/operator
USER 1001
ENTRYPOINT ["/usr/local/bin/operator"]
