ARG BUILDER_IMAGE=golang:1.23-alpine
ARG RUNTIME_IMAGE=gcr.io/distroless/static:nonroot
FROM ${BUILDER_IMAGE} AS build
FROM ${RUNTIME_IMAGE}
