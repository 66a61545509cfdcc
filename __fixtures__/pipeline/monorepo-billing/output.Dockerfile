FROM golang:1.24.5-bookworm AS build
WORKDIR /go/src/billing
COPY go.mod go.sum ./
RUN apt-get update && apt-get install -y --no-install-recommends git
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -trimpath -o /billing .

FROM gcr.io/distroless/base-debian12
COPY --from=build /billing /billing
ENTRYPOINT ["/billing"]
