FROM golang:1.22
WORKDIR /app
COPY go.mod go.sum ./
RUN go mod download
COPY . .
EXPOSE 3000
CMD go build -o /tmp/dev-server ./cmd/dev && /tmp/dev-server
