FROM golang:1.23
WORKDIR /src
COPY . .
RUN GOCACHE=/tmp/gocache go build -o /app .
