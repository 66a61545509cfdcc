from golang:1.23 as build
copy go.mod go.sum ./
copy . .
run go build -o /app .
