FROM golang:1.15.15
ENV GOPATH=/go
ADD cmd /go/src/example.com/app/cmd
ADD build.sh /go/src/example.com/app/
WORKDIR /go/src/example.com/app
RUN ./build.sh
