FROM registry.access.redhat.com/ubi9-minimal
RUN microdnf install -y golang
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /app .
