FROM golang:1.13-alpine
WORKDIR /app
COPY . .
RUN go get -u github.com/swaggo/swag/cmd/swag
RUN go build -o /app/api .
