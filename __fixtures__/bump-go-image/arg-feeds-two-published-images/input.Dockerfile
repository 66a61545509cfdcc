ARG GO_VERSION=1.21
FROM golang:${GO_VERSION}-alpine3.19 AS build
FROM golang:${GO_VERSION}-bullseye AS test
