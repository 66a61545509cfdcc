FROM golang:1.22
WORKDIR /src
COPY services/api/ ./
RUN go build -o /app .
RUN go vet ./...
