# Build per DD-BUILD-001: UBI go-toolset, non-root, coverage builds on request.
FROM registry.access.redhat.com/ubi9/go-toolset:1.24 AS build
USER 1001
WORKDIR /opt/app-root/src
COPY --chown=1001:0 go.mod go.sum ./
COPY --chown=1001:0 . .
ARG COVERAGE=false
RUN --mount=type=cache,target=/opt/app-root/src/go/pkg/mod,uid=1001,gid=0 go mod tidy
RUN --mount=type=cache,target=/opt/app-root/src/go/pkg/mod,uid=1001,gid=0 \
    --mount=type=cache,target=/opt/app-root/src/.cache/go-build,uid=1001,gid=0 \
    if [ "$COVERAGE" = "true" ]; then \
      go build -mod=mod -cover -o /opt/app-root/src/bin/service ./cmd/service; \
    else \
      go build -mod=mod -o /opt/app-root/src/bin/service ./cmd/service; \
    fi

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5
COPY --from=build /opt/app-root/src/bin/service /usr/local/bin/service
USER 1001
ENTRYPOINT ["/usr/local/bin/service"]
