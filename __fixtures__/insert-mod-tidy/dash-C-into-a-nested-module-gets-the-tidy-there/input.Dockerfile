FROM golang:1.23
WORKDIR /src
COPY . .
RUN go build -C services/api -o /app .
