FROM golang:1.23
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod tidy
COPY . .
RUN go mod tidy
RUN go build -o /app .
