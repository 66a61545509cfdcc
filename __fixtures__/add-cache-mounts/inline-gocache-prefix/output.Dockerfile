FROM golang:1.23
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/tmp/gocache \
    GOCACHE=/tmp/gocache go build -o /app .
