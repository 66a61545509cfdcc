FROM golang:1.23
RUN CGO_ENABLED=0 GOOS=linux go build -mod=mod -ldflags "-s -w -X main.version=${VERSION}" -o app ./cmd/app
