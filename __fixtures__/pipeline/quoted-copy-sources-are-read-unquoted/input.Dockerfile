FROM golang:1.22
WORKDIR /src
COPY "go.mod" "go.sum" ./
RUN go mod download
COPY "cmd" ./cmd
RUN go build -o /app ./cmd/app
