FROM golang:1.22-alpine
WORKDIR /src
COPY . .
RUN GOPRIVATE='github.com/acme/*' go mod tidy
RUN export GOPRIVATE=github.com/acme/* && go build -o /app .
