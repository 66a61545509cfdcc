FROM golang:1.23
WORKDIR /src
COPY . .
RUN --mount=type=secret,id=netrc,target=/root/.netrc \
    --network=host \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /app .
RUN --mount=type=cache,target=/go/pkg/mod \
	--mount=type=cache,target=/root/.cache/go-build \
	go test \
	-race ./...
