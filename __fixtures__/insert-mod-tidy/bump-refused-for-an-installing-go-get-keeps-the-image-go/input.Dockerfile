FROM golang:1.17
WORKDIR /app
COPY . .
RUN go get -u github.com/swaggo/swag/cmd/swag
RUN go build -o /app/api .
