FROM bitnami/golang:1.16
WORKDIR /src
COPY . .
RUN go build -o /app .
