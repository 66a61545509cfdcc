FROM golang:1.22-alpine
WORKDIR /src
COPY . .
RUN go env -w GOPRIVATE=github.com/acme/* GOPROXY=https://goproxy.cn,direct && go build -o /app .
