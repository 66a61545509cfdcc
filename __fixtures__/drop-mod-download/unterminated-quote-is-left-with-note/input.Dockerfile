FROM golang:1.23
RUN go mod download && echo "unterminated
RUN go build -o /app .
