FROM golang:1.16
WORKDIR /src
COPY go.mod go.sum ./
RUN go get -u ./...
