FROM golang:1.23
RUN go mod download || (sleep 5 && go mod download)
COPY . .
RUN go build -o /app .
