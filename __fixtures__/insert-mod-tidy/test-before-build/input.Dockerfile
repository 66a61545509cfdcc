FROM golang:1.23
WORKDIR /src
COPY . .
RUN go vet ./... && go test ./...
RUN go build -o /app .
