FROM golang:1.23
WORKDIR /src
COPY . .
RUN --mount=type=secret,id=netrc,target=/root/.netrc \
    --network=host \
    go build -o /app .
RUN --mount=type=cache,target=/go/pkg/mod go test \
	-race ./...
