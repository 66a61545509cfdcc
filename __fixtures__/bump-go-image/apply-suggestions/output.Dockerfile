ARG GO_VERSION=1.26
ARG ALPINE=3.22
ARG SHARED=1.22
FROM golang:${GO_VERSION}-alpine${ALPINE} AS build
FROM golang:1.26-bookworm AS test
FROM golang:1.26-alpine3.22 AS tools
FROM golang:${SHARED}-alpine3.19 AS shared
FROM golang:${SHARED}-alpine AS fine
