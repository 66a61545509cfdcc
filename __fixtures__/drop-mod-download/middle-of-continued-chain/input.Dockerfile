FROM golang:1.23
RUN apt-get update && \
    go mod download && \
    apt-get clean
COPY . .
RUN go build -o /app .
