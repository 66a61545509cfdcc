FROM golang:1.22
WORKDIR /src
COPY . .
RUN go env -w GOPRIVATE=github.com/acme
RUN go build -o /app .
