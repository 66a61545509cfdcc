FROM golang:1.23 AS api
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /app .

FROM golang:1.23 AS worker
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /app .
