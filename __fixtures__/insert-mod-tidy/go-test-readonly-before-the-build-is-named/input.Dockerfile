FROM golang:1.22
WORKDIR /src
COPY . .
RUN go test -mod=readonly ./...
RUN go build -o /app ./cmd/app
