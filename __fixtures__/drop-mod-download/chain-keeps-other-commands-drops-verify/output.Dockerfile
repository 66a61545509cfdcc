FROM golang:1.23
RUN apk add --no-cache git
COPY . .
RUN go build -o /app .
