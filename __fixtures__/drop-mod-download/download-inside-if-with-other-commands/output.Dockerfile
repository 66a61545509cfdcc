FROM golang:1.23
COPY . .
RUN if [ -f go.mod ]; then go generate ./...; fi
RUN go build -o /app .
