FROM golang:1.15
ENV GO111MODULE=off
RUN go build -o app .
RUN GO111MODULE=on go build -o app2 ./cmd/two
