FROM golang:1.22
ADD . /go/src/example.com/a
RUN go install example.com/a/cmd/x \
  && go install example.com/a/cmd/y
