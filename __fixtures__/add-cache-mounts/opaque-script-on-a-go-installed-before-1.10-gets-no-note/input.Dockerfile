FROM debian:jessie
ENV GO_VERSION 1.5.3
RUN curl -fsSL "https://storage.googleapis.com/golang/go${GO_VERSION}.linux-amd64.tar.gz" \
	| tar -xzC /usr/local
ENV PATH /go/bin:/usr/local/go/bin:$PATH
RUN go version
COPY contrib/build.sh /go/src/github.com/example/app/contrib/
RUN ./contrib/build.sh
