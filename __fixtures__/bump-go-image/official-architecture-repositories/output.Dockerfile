FROM arm64v8/golang:1.24 AS arm64
WORKDIR /src
COPY . .
RUN go build -o /app .

FROM docker.io/arm32v7/golang:1.24-alpine AS arm
WORKDIR /src
COPY . .
RUN go build -o /app .
