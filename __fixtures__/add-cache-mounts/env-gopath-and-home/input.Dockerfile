FROM golang:1.23
ENV HOME=/home/builder
ENV GOPATH=$HOME/go
WORKDIR /src
COPY . .
RUN go build -o /app .
