FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum Makefile.dev ./
RUN go mod tidy
COPY cmd/ cmd/
RUN go build ./cmd/app
