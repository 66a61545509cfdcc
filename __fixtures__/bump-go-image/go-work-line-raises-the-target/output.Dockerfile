FROM golang:1.23-alpine
WORKDIR /src
COPY . .
RUN go build -o /app .
