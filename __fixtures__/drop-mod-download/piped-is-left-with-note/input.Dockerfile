FROM golang:1.23
RUN go mod download 2>&1 | tee /tmp/download.log
COPY . .
RUN go build -o /app .
