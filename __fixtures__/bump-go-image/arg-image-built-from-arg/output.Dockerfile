ARG GO_VERSION=1.24
ARG BASE=docker.io/library/golang:${GO_VERSION}-bookworm
FROM $BASE AS build
