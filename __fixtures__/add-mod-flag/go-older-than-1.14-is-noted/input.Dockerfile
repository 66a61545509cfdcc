FROM golang:1.12
WORKDIR /src
COPY . .
RUN go build -o /app .
