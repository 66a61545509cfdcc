FROM golang:1.23
WORKDIR /src
COPY . .
RUN go mod tidy

# Build a static binary
RUN CGO_ENABLED=0 go build -o /app .
