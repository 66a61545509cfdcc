FROM golang:1.22 AS build
ARG COVERAGE=false
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    if [ "$COVERAGE" = "true" ]; then \
      go build -mod=mod -cover -covermode=atomic -o /out/svc ./cmd/svc; \
    else \
      go build -mod=mod -trimpath -o /out/svc ./cmd/svc; \
    fi

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/svc /svc
ENTRYPOINT ["/svc"]
