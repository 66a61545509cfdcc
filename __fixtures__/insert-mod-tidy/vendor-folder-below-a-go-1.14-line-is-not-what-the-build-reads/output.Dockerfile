FROM golang:1.22
WORKDIR /src
COPY . .
RUN go mod tidy
RUN go build -o /app .
