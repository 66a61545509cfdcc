FROM golang:1.23
RUN apk add --no-cache git && go mod download && go mod verify
COPY . .
RUN go build -o /app .
