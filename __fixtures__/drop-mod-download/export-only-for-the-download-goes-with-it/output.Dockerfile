FROM golang:1.22-alpine
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN go build -o /app .
