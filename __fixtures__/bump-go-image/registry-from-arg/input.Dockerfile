ARG REGISTRY=docker.io
ARG MIRROR
FROM ${REGISTRY}/library/golang:1.23 AS build
FROM ${MIRROR}/golang:1.23 AS other
FROM ${MIRROR}/golangci/golangci-lint:v1.59 AS lint
