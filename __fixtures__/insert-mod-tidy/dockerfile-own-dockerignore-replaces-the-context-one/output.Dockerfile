FROM golang:1.24
WORKDIR /src
COPY . .
RUN go mod tidy -e
RUN go build -o /app ./cmd/app
