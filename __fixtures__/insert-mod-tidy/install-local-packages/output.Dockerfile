FROM golang:1.23
WORKDIR /src
RUN go install github.com/go-delve/delve/cmd/dlv@v1.23.0
COPY . .
RUN go mod tidy
RUN go install ./cmd/...
