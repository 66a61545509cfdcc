FROM arm64v8/golang:1.22 AS arm64
WORKDIR /src
COPY . .
RUN go build -o /app .

FROM docker.io/arm32v7/golang:1.22-alpine AS arm
WORKDIR /src
COPY . .
RUN go build -o /app .
