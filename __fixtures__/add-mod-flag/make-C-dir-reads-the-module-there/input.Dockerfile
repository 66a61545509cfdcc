FROM golang:1.22
COPY ./ /build/m
RUN make -C /build/m build
