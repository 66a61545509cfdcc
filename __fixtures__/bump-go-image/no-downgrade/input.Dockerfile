FROM golang:1.25-alpine AS build
FROM golang:1.24 AS test
