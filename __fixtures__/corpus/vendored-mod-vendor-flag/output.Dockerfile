FROM golang:1.21-alpine AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -mod=vendor -ldflags "-s -w" -o /bin/agent ./cmd/agent
RUN --mount=type=cache,target=/root/.cache/go-build go test -mod=vendor ./...

FROM alpine:3.18
COPY --from=build /bin/agent /bin/agent
ENTRYPOINT ["/bin/agent"]
