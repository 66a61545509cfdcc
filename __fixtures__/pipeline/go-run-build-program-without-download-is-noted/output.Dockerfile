FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
ENV CGO_ENABLED=0
RUN go mod tidy
RUN rm -f app && go run ./script/build.go -no-upgrade build app
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go run ./cmd/gen
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /out/app .
