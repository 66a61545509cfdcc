ARG GO_IMAGE=golang:1.23-bookworm
ARG BASE
FROM ${GO_IMAGE} AS build
WORKDIR /src
COPY . .
RUN go build -o /app .

FROM $BASE AS other
RUN go build -o /other .
