FROM golang:1.22-alpine
WORKDIR /src
COPY . .
RUN go get -d -v
RUN go build -o /app .
