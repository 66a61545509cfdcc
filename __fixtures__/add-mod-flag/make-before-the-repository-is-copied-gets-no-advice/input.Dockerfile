FROM golang:1.22-alpine
WORKDIR /go/src/app
RUN wget https://example.com/re2.tar.gz && tar -xzf re2.tar.gz && cd re2 && make install
COPY . .
RUN make build
