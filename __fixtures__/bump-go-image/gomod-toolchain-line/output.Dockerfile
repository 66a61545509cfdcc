FROM golang:1.24-alpine AS build
FROM golang:1.24.5 AS test
