# escape=`
FROM golang:1.23
RUN apk add git
COPY . .
RUN go build -o /app .
