FROM golang:1.24-alpine AS s0
FROM library/golang:1.24-alpine AS s1
FROM docker.io/golang:1.24-alpine AS s2
FROM docker.io/library/golang:1.24-alpine AS s3
FROM index.docker.io/library/golang:1.24-alpine AS s4
FROM public.ecr.aws/docker/library/golang:1.24-alpine AS s5
FROM mirror.gcr.io/library/golang:1.24-alpine AS s6
