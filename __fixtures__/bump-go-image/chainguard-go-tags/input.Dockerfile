FROM cgr.dev/chainguard/go:latest AS build
FROM cgr.dev/chainguard/go:latest-dev AS dev
FROM cgr.dev/chainguard/go:1.22 AS pinned
