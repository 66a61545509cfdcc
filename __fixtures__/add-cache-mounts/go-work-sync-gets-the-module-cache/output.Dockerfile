FROM golang:1.24-alpine
WORKDIR /w
COPY go.work go.work.sum ./
COPY lib lib
COPY app app
RUN --mount=type=cache,target=/go/pkg/mod go work sync
WORKDIR /w/app
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /out/app .
