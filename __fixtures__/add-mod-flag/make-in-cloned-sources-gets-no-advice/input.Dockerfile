FROM golang:1.22 AS stargz
RUN git clone https://github.com/containerd/stargz-snapshotter /go/src/stargz
WORKDIR /go/src/stargz
RUN make && make install
