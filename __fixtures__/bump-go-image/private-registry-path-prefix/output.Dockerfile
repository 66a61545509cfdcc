FROM us-docker.pkg.dev/acme/mirror/golang:1.24-alpine AS build
FROM quay.io/acme/library/golang:1.24 AS test
FROM registry.corp.example:5000/golang:1.22-bookworm AS lint
FROM quay.io/other/golang:1.22 AS other
