FROM registry.access.redhat.com/ubi9/go-toolset:1.21 AS builder
COPY --chown=1001:0 go.mod go.sum ./
RUN go mod download
COPY --chown=1001:0 . .
RUN go build -o /opt/app-root/src/bin/operator ./cmd/operator

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.3
COPY --from=builder /opt/app-root/src/bin/operator /usr/local/bin/operator
USER 1001
ENTRYPOINT ["/usr/local/bin/operator"]
