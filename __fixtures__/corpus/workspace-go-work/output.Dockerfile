FROM golang:1.22 AS build
WORKDIR /src
COPY go.work go.work.sum ./
COPY service/ service/
COPY lib/ lib/
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /out/service ./service/cmd/service

FROM gcr.io/distroless/static
COPY --from=build /out/service /service
ENTRYPOINT ["/service"]
