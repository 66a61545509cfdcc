ARG GO_VERSION
FROM golang:${GO_VERSION:-1.22}-alpine AS build
