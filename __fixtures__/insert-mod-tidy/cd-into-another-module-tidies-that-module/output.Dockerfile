FROM golang:1.23
WORKDIR /src
COPY . .
RUN cd /src/services/api && go mod tidy
RUN cd services/api && go build -o /app .
