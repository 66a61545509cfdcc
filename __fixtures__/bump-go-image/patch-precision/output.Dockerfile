FROM golang:1.24.5-bookworm AS build
FROM golang:1.23.2-alpine3.20 AS tools
FROM golang:1.24 AS test
FROM golang:1.24.5-bullseye AS lint
