FROM golang:latest AS build
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o server .

FROM ubuntu:22.04
COPY --from=build /app/server /server
CMD ["/server"]
