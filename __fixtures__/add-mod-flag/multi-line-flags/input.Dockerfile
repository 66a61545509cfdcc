FROM golang:1.23
RUN go build \
      -trimpath \
      -o /app \
      ./cmd/app
