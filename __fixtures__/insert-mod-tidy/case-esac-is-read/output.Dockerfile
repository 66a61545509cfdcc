FROM golang:1.23
WORKDIR /src
COPY . .
RUN go mod tidy
RUN case "$TARGET" in api) go build -o /app ./cmd/api ;; *) go build -o /app . ;; esac
