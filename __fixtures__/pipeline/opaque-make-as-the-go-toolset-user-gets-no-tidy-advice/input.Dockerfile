FROM registry.access.redhat.com/ubi9/go-toolset:1.24 AS builder
WORKDIR /build
COPY . .
RUN make build

FROM builder AS test
RUN make test
