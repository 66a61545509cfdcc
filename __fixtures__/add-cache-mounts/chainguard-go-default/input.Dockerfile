FROM cgr.dev/chainguard/go:latest AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .
