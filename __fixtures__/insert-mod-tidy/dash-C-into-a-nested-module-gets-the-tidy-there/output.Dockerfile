FROM golang:1.23
WORKDIR /src
COPY . .
RUN cd /src/services/api && go mod tidy
RUN go build -C services/api -o /app .
