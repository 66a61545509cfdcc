FROM golang:1.23
COPY go.* ./
COPY . .
RUN go build -o /app .
