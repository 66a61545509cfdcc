FROM golang:1.23
RUN go test ./... && go run ./tools/gen && echo "go build"
