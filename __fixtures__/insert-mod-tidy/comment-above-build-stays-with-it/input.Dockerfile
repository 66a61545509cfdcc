FROM golang:1.23
WORKDIR /src
COPY . .

# Build a static binary
RUN CGO_ENABLED=0 go build -o /app .
