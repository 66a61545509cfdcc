ARG GO_VERSION=1.22
ARG ALPINE=3.19
ARG SHARED=1.22
FROM golang:${GO_VERSION}-alpine${ALPINE} AS build
FROM golang:1.22-bullseye@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS test
FROM golang:1.22-alpine3.18 AS tools
FROM golang:${SHARED}-alpine3.19 AS shared
FROM golang:${SHARED}-alpine AS fine
