# Build per DD-BUILD-001: UBI go-toolset, non-root, coverage builds on request.
FROM registry.access.redhat.com/ubi9/go-toolset:1.22 AS build
USER 1001
WORKDIR /opt/app-root/src
COPY --chown=1001:0 go.mod go.sum ./
RUN go mod download
COPY --chown=1001:0 . .
ARG COVERAGE=false
RUN if [ "$COVERAGE" = "true" ]; then \
      go build -cover -o /opt/app-root/src/bin/service ./cmd/service; \
    else \
      go build -o /opt/app-root/src/bin/service ./cmd/service; \
    fi

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5
COPY --from=build /opt/app-root/src/bin/service /usr/local/bin/service
USER 1001
ENTRYPOINT ["/usr/local/bin/service"]
