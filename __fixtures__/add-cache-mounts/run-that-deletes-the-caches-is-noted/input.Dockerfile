FROM golang:1.23
WORKDIR /src
COPY . .
RUN go build -o /app . && rm -rf /go/pkg /root/.cache/go-build
