FROM golang:1.23
WORKDIR /src
COPY . .
USER 1001
RUN go build -o /tmp/app .
