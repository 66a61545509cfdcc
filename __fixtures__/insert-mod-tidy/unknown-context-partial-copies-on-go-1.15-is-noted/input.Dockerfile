FROM golang:1.15-alpine
WORKDIR /app
COPY go.mod go.sum ./
COPY cmd /app/cmd
COPY *.go /app/
RUN go build -o main .
