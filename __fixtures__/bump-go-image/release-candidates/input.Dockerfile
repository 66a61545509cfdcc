FROM golang:1.22rc1 AS old
FROM golang:1.22rc1-alpine AS old2
FROM golang:1.25rc1 AS newer
