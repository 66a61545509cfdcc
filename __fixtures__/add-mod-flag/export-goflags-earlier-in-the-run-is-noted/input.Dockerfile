FROM golang:1.23
WORKDIR /src
COPY . .
RUN export GOFLAGS=-mod=vendor && go build -o /app .
