FROM ubuntu:18.04 AS old
RUN wget https://dl.google.com/go/go1.12.linux-amd64.tar.gz && tar -C /usr/local -xzf go1.12.linux-amd64.tar.gz
ENV PATH /usr/local/go/bin:$PATH
WORKDIR /server
COPY . .
RUN go build -o app .

FROM debian:bookworm AS gopath
ENV GO_VERSION=1.13.15 GOPATH=/opt/go
RUN curl -fsSL https://go.dev/dl/go${GO_VERSION}.linux-amd64.tar.gz | tar -C /usr/local -xz
ENV PATH /usr/local/go/bin:$PATH
WORKDIR /opt/go/src/app
COPY . .
RUN go build -o app .
