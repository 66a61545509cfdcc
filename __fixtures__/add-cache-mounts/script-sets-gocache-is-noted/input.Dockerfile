FROM golang:1.23
WORKDIR /src
COPY . .
RUN export GOCACHE=/tmp/gocache && go build -o /app .
