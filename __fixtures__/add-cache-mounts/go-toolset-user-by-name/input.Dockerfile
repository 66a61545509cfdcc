FROM registry.access.redhat.com/ubi10/go-toolset:latest AS build
USER root
RUN dnf install -y make
USER default
COPY --chown=default:root . .
RUN go test ./... && go build -o /tmp/app .
