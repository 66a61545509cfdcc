FROM golang:1.21-alpine
WORKDIR /src
COPY . .
RUN GOWORK=off go build -o /app .
