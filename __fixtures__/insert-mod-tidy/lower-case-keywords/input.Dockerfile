from golang:1.23 as build
workdir /src
copy . .
run go build -o /app .
