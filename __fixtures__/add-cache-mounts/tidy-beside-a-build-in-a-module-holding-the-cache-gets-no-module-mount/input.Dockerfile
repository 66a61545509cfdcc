FROM registry.access.redhat.com/ubi9/go-toolset:1.24
COPY --chown=1001:0 . .
RUN go mod tidy && go build -o /tmp/app ./cmd/app
