FROM golang:1.27-alpine AS build
FROM golang:1.27 AS test
FROM golang:1.27-alpine3.23 AS tools
FROM golang:1.26.1-bookworm AS lint
