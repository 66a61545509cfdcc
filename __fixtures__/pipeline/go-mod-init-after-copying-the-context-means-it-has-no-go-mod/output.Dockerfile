FROM golang:1.20
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod init example.com/x && go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /x .
