ARG GO_VERSION
FROM golang:${GO_VERSION:-1.24}-alpine AS build
