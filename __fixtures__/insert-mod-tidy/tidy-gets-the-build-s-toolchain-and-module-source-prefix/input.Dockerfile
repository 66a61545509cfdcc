FROM golang:1.23
WORKDIR /src
COPY . .
RUN GOTOOLCHAIN=auto GOPRIVATE=example.com/* CGO_ENABLED=0 GOPROXY=$PROXY go build -o /app .
