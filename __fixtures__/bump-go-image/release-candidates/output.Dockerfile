FROM golang:1.24.5 AS old
FROM golang:1.24.5-alpine AS old2
FROM golang:1.25rc1 AS newer
