FROM golang:1.22-alpine
WORKDIR /src
COPY go.mod go.sum ./
RUN export GOPRIVATE=github.com/acme/* && go mod download
COPY . .
RUN go build -o /app .
