FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg,id=gopkg go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg,id=gopkg \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /out/app .
