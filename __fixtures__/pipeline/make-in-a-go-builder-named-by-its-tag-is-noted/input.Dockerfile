FROM registry.ci.openshift.org/stolostron/builder:go1.20-linux AS builder
WORKDIR /go/src/github.com/example/addon
COPY . .
ENV GO_PACKAGE github.com/example/addon
RUN make build --warn-undefined-variables

FROM gcr.io/oss-fuzz-base/base-builder-go AS fuzz
COPY . .
RUN make build

FROM migrate/migrate:v4.17.0 AS migrate
COPY . .
RUN make build

FROM registry.access.redhat.com/ubi8/ubi-minimal:latest
COPY --from=builder /go/src/github.com/example/addon/submariner /
