FROM registry.access.redhat.com/ubi9/go-toolset:1.22
COPY --chown=1001:0 . .
COPY hack/entrypoint /usr/local/bin/entrypoint
RUN go build -o /opt/app-root/svc ./cmd/app
