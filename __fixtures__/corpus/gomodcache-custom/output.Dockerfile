FROM golang:1.22 AS build
ENV GOMODCACHE=/cache/mod GOCACHE=/cache/build
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN --mount=type=cache,target=/cache/mod go mod tidy
RUN --mount=type=cache,target=/cache/mod \
    --mount=type=cache,target=/cache/build \
    go build -mod=mod -o /out/custom .

FROM gcr.io/distroless/static
COPY --from=build /out/custom /custom
