FROM golang:1.23
WORKDIR /app
COPY main.go .
RUN go build -o /bin/app main.go
