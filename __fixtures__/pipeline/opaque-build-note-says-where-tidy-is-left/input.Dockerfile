FROM golang:1.22-alpine AS all-sources
WORKDIR /go/src/app
COPY . .
RUN apk add make && make build

FROM golang:1.22-alpine AS only-go-mod
WORKDIR /src
COPY go.mod go.sum ./
COPY bin/install-deps bin/
RUN ./bin/install-deps

FROM golang:1.22-alpine AS tidied
WORKDIR /src
COPY . .
RUN go mod tidy
RUN make build

FROM golang:1.22-alpine AS built-before
WORKDIR /src
COPY . .
RUN go build -o /tool .
RUN make build
