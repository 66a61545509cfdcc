ARG GO_VERSION=1.22
ARG BASE=docker.io/library/golang:${GO_VERSION}-bookworm
FROM $BASE AS build
