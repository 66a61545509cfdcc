FROM golang:1.16
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go get -d -v ./...
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /svc .
