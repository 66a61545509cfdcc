FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go test -mod=mod -c -o /e2e.test ./e2e

FROM scratch
COPY --from=0 /e2e.test /e2e.test
ENTRYPOINT ["/e2e.test"]
