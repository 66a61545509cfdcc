from golang:1.23 as build
copy go.mod go.sum ./
run go mod download
copy . .
run go build -o /app .
