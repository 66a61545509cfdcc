FROM golang:1.23
WORKDIR /src
COPY main.go .
RUN go build -o /app main.go
