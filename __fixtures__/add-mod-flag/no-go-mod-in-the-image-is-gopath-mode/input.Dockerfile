FROM golang:1.23
WORKDIR /go/src/example.com/app
COPY . .
RUN go build -o /app .
