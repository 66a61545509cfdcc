FROM golang:1.21-alpine
RUN apk add --no-cache git
WORKDIR /go/src/app
COPY . .
RUN go get -d -v ./...
ENTRYPOINT ["go", "run", "main.go"]
