FROM golang:1.23
COPY go.* ./
RUN go mod download && go mod verify
COPY . .
RUN go build -o /app .
