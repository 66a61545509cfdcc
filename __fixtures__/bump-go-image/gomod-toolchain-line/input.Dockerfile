FROM golang:1.23-alpine AS build
FROM golang:1.23.4 AS test
