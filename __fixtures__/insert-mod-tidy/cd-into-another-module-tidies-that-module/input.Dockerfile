FROM golang:1.23
WORKDIR /src
COPY . .
RUN cd services/api && go build -o /app .
