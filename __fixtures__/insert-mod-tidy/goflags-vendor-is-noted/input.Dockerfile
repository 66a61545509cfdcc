FROM golang:1.23
ENV GOFLAGS=-mod=vendor
WORKDIR /src
COPY . .
RUN go build -o /app .
