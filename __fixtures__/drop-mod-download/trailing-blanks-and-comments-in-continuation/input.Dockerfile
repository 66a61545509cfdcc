FROM golang:1.23
RUN go mod download && \  
    # then build

    go build -o app .
