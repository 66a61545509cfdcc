FROM golang:1.23
RUN if [ -f go.mod ]; then go mod download && go build -o app .; fi
