FROM golang:1.23
COPY . /src
WORKDIR /src
ENV GOPRIVATE=github.com/acme
RUN go build -o /app .
