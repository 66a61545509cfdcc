FROM golang:1.22
WORKDIR /
COPY . .
RUN go build -o /app .
