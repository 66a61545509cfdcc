FROM golang:1.23
RUN go vet ./... && go build -o app . && strip app
