FROM registry.access.redhat.com/ubi9/go-toolset:1.24
USER 1001
ENV HOME=/home/builder
RUN go build -o /tmp/app .
ENV GOMODCACHE=/var/cache/gomod GOCACHE=/var/cache/gobuild
RUN go build -o /tmp/app2 .
