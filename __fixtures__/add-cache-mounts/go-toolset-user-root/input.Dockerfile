FROM registry.access.redhat.com/ubi9/go-toolset:1.24 AS build
USER 0
RUN dnf install -y make
COPY . .
RUN go build -o /tmp/app .
