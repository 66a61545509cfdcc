FROM golang:1.22-alpine
WORKDIR /src
COPY . .
RUN GOPROXY=https://goproxy.cn,direct GOPRIVATE='github.com/acme/*' go mod tidy
RUN go env -w GOPRIVATE=github.com/acme/* GOPROXY=https://goproxy.cn,direct && go build -o /app .
