from golang:1.23 as build
workdir /src
copy . .
run go mod tidy
run go build -o /app .
