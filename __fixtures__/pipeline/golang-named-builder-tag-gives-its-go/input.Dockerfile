FROM someorg/golang-dev:1.10.3-alpine
WORKDIR /go/src/github.com/acme/y
COPY . /go/src/github.com/acme/y
RUN go build -o bin/y main.go

FROM acme/golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app .
