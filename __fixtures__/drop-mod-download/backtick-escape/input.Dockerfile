# escape=`
FROM golang:1.23
RUN apk add git && `
    go mod download
COPY . .
RUN go build -o /app .
