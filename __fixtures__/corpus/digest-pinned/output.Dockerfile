FROM golang:1.22.3-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /out/pinned .

FROM gcr.io/distroless/static-debian12@sha256:708192a3b4c5d6e7f8192a3b4c5d6e7f8a9b0c1d2e3f5a8b4c5d1e1ca4b1b3f8
COPY --from=build /out/pinned /pinned
ENTRYPOINT ["/pinned"]
