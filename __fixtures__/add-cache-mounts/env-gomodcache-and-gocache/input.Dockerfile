FROM golang:1.23
ENV GOMODCACHE=/cache/mod \
    GOCACHE=/cache/build
WORKDIR /src
COPY . .
RUN go build -o /app .
