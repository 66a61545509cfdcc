FROM golang:1.24-alpine AS build
ARG COVERAGE=false
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    if [ "$COVERAGE" = "true" ]; then \
      go build -mod=mod -cover -o /out/reports ./cmd/reports; \
    else \
      go build -mod=mod -o /out/reports ./cmd/reports; \
    fi

FROM alpine:3.20
COPY --from=build /out/reports /usr/local/bin/reports
ENTRYPOINT ["reports"]
