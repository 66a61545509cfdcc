FROM golang:1.22-alpine
WORKDIR /src
COPY . .
RUN export GOPRIVATE=github.com/acme/* && go build -o /app .
