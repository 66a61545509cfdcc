FROM golang:1.23
WORKDIR /build
ADD backend /build/backend
WORKDIR /build/backend
RUN go build -o /app .
