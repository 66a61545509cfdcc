FROM golang:1.23
COPY go.mod go.sum ./
RUN go mod download || true
COPY . .
RUN go build -o /app .
