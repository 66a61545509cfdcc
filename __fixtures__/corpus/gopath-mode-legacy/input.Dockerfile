FROM golang:1.15
ENV GO111MODULE=off
WORKDIR /go/src/github.com/acme/oldtool
COPY . .
RUN go get -d -v ./...
RUN go install -v ./...
CMD ["oldtool"]
