ARG GO_IMAGE="golang:1.23.2@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
FROM $GO_IMAGE AS build
