FROM golang:1.23 AS api
COPY go.mod go.sum ./
COPY . .

FROM golang:1.23 AS worker
COPY go.mod go.sum ./
COPY . .
