FROM golang:1.9
WORKDIR /go/src/github.com/example/app
COPY . .
RUN go install .
