FROM golang:1.22 AS build
WORKDIR /src
RUN git clone https://example.com/app.git .
COPY config.yaml .
RUN go build -o /app .
