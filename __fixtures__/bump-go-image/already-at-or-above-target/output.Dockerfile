FROM golang:1.24-alpine AS a
FROM golang:1.24.0 AS b
FROM golang:1.25.1-bookworm AS c
FROM golang:1.24 AS d
