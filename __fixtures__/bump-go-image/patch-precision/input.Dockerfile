FROM golang:1.22.6-bookworm AS build
FROM golang:1.23.2-alpine3.20 AS tools
FROM golang:1.22 AS test
FROM golang:1.24.1-bullseye AS lint
