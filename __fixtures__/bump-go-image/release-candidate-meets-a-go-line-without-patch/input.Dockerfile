FROM golang:1.18rc1-bullseye
WORKDIR /usr/src/app
COPY go.mod go.sum ./
COPY . .
RUN go build -o /app .
