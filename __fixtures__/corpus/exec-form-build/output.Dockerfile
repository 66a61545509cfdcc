FROM golang:1.21 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    ["go", "build", "-mod=mod", "-o", "/out/exec", "."]

FROM gcr.io/distroless/static
COPY --from=build /out/exec /exec
ENTRYPOINT ["/exec"]
