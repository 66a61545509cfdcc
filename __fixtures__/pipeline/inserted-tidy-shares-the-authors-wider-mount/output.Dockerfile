FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN --mount=type=cache,target=/go/pkg,id=gopkg go mod tidy
RUN --mount=type=cache,target=/go/pkg,id=gopkg \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /out/app .
