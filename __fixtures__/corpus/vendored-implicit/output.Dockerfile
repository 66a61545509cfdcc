FROM golang:1.22-bookworm AS build
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go build -trimpath -o /out/gateway ./cmd/gateway

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/gateway /usr/local/bin/gateway
ENTRYPOINT ["gateway"]
