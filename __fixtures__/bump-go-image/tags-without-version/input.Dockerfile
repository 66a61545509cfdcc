FROM golang AS a
FROM golang:latest AS b
FROM golang:alpine AS c
FROM golang:1-alpine AS d
FROM golang:tip-bookworm AS e
FROM golang:bookworm AS f
