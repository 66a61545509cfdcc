FROM registry.access.redhat.com/ubi9/go-toolset:latest AS nine
COPY . .
RUN go build -o app .

FROM cgr.dev/chainguard/go:latest AS chainguard
FROM golang:latest AS official
FROM registry.suse.com/bci/golang:latest AS bci
