FROM golang:1.22-alpine
WORKDIR /src
COPY go.mod go.sum ./
RUN GOFLAGS=-mod=mod go mod download
COPY . .
RUN go build -o /app .
