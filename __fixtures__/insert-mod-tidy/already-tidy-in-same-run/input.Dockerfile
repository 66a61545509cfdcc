FROM golang:1.23
WORKDIR /src
COPY . .
RUN go mod tidy && go build -o /app .
