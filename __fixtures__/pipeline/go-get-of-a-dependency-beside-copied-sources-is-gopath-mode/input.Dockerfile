FROM golang:1.15
WORKDIR /build
ADD . .
RUN go get github.com/gin-gonic/gin && go build -o main .
