FROM registry.access.redhat.com/ubi9/go-toolset:1.24.4
COPY --chown=1001:0 . .
RUN go build -o /tmp/app ./cmd/app
