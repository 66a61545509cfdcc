FROM golang:1.23-alpine3.19 AS a
FROM golang:1.24-bullseye AS b
FROM golang:1.24-bookworm AS c
