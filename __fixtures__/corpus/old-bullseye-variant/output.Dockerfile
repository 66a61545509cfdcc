FROM golang:1.21-bullseye AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /bin/report ./cmd/report

FROM debian:bullseye-slim
COPY --from=build /bin/report /bin/report
CMD ["report"]
