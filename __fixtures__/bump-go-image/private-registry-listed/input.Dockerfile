FROM registry.corp.example/golang:1.23 AS build
FROM registry.corp.example/library/golang:1.23-alpine AS build2
FROM other.example/golang:1.23 AS build3
