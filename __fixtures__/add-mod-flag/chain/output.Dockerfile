FROM golang:1.23
RUN go vet ./... && go build -mod=mod -o app . && strip app
