FROM golang:1.13.4-alpine as build

WORKDIR $GOPATH/src/github.com/example/accounts

COPY . .

# Download all the dependencies
RUN go get -d -v ./...

RUN go install -v ./...

FROM golang:1.13.4-alpine AS second
ADD . ${GOPATH}/src/github.com/example/second
WORKDIR ${GOPATH}/src/github.com/example/second
RUN go build -o /second .

FROM alpine:latest
COPY --from=build /go/bin/accounts .
CMD ./accounts
