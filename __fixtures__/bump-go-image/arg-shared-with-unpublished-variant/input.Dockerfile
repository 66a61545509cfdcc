ARG GO_VERSION=1.23
FROM golang:${GO_VERSION}-alpine AS build
FROM golang:${GO_VERSION}-alpine3.19 AS tools
