FROM golang:1.23
RUN GOPROXY=https://proxy.golang.org,direct GOPRIVATE=example.com go mod download -x all
COPY . .
RUN go build -o /app .
