FROM golang:1.12-alpine3.9
WORKDIR /src
COPY . .
RUN go build -o /app .
