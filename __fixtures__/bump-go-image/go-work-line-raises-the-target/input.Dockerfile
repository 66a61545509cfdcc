FROM golang:1.21-alpine
WORKDIR /src
COPY . .
RUN go build -o /app .
