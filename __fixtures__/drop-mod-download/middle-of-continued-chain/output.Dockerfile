FROM golang:1.23
RUN apt-get update && \
    apt-get clean
COPY . .
RUN go build -o /app .
