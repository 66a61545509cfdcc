FROM golang:1.21-alpine
WORKDIR /w
COPY . .
RUN go build -o /out ./a
