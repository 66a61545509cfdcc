FROM golang:1.22
ENV GOFLAGS=-mod=mod
WORKDIR /src
COPY . .
RUN go mod tidy
RUN go build -o /app .
