FROM golang:1.22 AS vendor
WORKDIR /w
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go work vendor
FROM golang:1.22 AS build
WORKDIR /w
COPY --from=vendor /w /w
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /out/app ./app
