FROM golang:1.22
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/go/pkg --mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/go/pkg/mod \
    go build -o /app ./cmd/app
