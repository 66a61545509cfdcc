FROM golang:1.22 AS build
WORKDIR /src
# hello.go is generated before the image is built: not in the checkout
COPY hello.go /src/
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /app .

FROM scratch
COPY --from=build /app /app
