FROM golang:1.15 AS off
ENV GO111MODULE=off
WORKDIR /go/src/example.com/tool
COPY . .
RUN go install ./...

FROM golang:1.10 AS old
WORKDIR /go/src/example.com/tool
COPY . .
RUN go build -o /tool .
