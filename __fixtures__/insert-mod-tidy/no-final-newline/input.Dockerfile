FROM golang:1.23
COPY . /src
WORKDIR /src
RUN go build -o /app .