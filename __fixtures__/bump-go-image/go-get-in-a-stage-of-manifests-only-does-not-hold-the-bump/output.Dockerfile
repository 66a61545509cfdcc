FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum ./
RUN go get -u ./...
