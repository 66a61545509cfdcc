# syntax=docker/dockerfile:1
# builder: golang:1.23 is what CI used
FROM golang:1.24-alpine AS build
	RUN go build ./...