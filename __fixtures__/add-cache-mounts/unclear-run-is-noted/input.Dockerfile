FROM golang:1.23
COPY . .
RUN go build -ldflags "-X main.version=1.0 -o /app .
