FROM mcr.microsoft.com/oss/go/microsoft/golang:1.24-bookworm
WORKDIR /src
COPY . .
RUN go build -o /app .
