FROM golang:1.23
WORKDIR /src
COPY . .
RUN go mod tidy
RUN cd services/api && go build -o /app .
