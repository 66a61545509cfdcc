FROM golang:1.22-alpine
WORKDIR /src
COPY . .
RUN GOWORK=off go build -o /app .
