FROM golang:1.23
COPY . .
RUN go build -C services/api -o /app .
