# a current list (skopeo list-tags docker://golang) knows Go 1.28
FROM golang:1.28-alpine3.24 AS build
FROM golang:1.27-alpine3.23 AS tools
