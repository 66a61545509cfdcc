FROM golang:1.23-alpine
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download && go mod verify
COPY . .
RUN go mod tidy
RUN go test ./... && go vet ./...
RUN go generate ./... && go run ./tools/check
RUN go install github.com/go-delve/delve/cmd/dlv@v1.23.0
