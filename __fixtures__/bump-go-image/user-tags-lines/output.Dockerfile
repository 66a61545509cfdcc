# a current list (crane ls golang) knows Go 1.28
FROM golang:1.28.1-trixie AS build
FROM golang:1.28-bookworm AS test
