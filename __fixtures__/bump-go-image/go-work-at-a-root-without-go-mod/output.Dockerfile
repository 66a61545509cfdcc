FROM golang:1.23-alpine
WORKDIR /w
COPY . .
RUN go build -o /out ./a
