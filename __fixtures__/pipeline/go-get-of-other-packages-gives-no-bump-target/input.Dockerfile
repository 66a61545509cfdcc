FROM golang:1.15
RUN go get github.com/example/tool/cmd/tool
RUN cp /go/src/github.com/example/tool/conf.toml /etc/tool.toml
