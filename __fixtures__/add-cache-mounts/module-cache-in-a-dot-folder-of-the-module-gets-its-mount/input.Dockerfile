FROM golang:1.24
ENV GOMODCACHE=/src/.modcache
WORKDIR /src
COPY . .
RUN go build -o /out/ ./...
