FROM golang:1.23
WORKDIR /src
COPY . .
RUN go build -ldflags "-X main.version=1.0 -o /app .
