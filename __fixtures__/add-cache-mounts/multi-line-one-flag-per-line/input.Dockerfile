FROM golang:1.23
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 GOOS=linux \
    go build \
      -ldflags="-s -w" \
      -o /app .
RUN \
  go mod download
