FROM quay.io/fedora/fedora:42
RUN dnf install -y golang
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /app .
