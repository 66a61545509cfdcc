# a current list (crane ls golang) knows Go 1.28
FROM golang:1.26.2-trixie AS build
FROM golang:1.27-bookworm AS test
