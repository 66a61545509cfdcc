FROM golang:1.23
RUN /usr/local/go/bin/go mod download > /dev/null
COPY . .
RUN go build -o /app .
