FROM golang:1.22
WORKDIR /src
COPY . .
RUN go generate ./... && make build
RUN go run mage.go build
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go vet ./...
