FROM golang:1.17-alpine
WORKDIR /src
COPY go.mod go.sum ./
RUN go get -u
