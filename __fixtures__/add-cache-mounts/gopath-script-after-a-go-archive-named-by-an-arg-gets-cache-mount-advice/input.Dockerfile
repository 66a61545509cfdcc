FROM buildpack-deps:bookworm-scm
ARG GO_URL=https://dl.google.com/go/go1.15.15.linux-amd64.tar.gz
RUN wget -O go.tgz "$GO_URL" && tar -C /usr/local -xzf go.tgz
ENV PATH=/usr/local/go/bin:$PATH GOPATH=/go
ADD cmd /go/src/example.com/app/cmd
ADD build.sh /go/src/example.com/app/
WORKDIR /go/src/example.com/app
RUN ./build.sh
