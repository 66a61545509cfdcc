FROM golang:1.23.6
WORKDIR /src
RUN --mount=type=cache,target=/go/pkg/mod \
  --mount=type=bind,source=go.mod,target=go.mod \
  --mount=type=bind,source=go.sum,target=go.sum \
  --mount=type=bind,source=main.go,target=main.go \
  go build -o /app .
