FROM golang:1.23
RUN if [ -f go.mod ]; then go mod download; fi
COPY . .
RUN go build -o /app .
