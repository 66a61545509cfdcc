FROM golang:1.23
WORKDIR /src
COPY . .
RUN --network=none go build -o /app .
