FROM golang:1.23 AS api
COPY go.mod go.sum ./
COPY . .
RUN go build -o /app .

FROM golang:1.23 AS worker
COPY go.mod go.sum ./
COPY . .
RUN go build -o /app .
