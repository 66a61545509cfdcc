# alpine3.19 and bullseye were published for Go 1.22
FROM golang:1.21-alpine3.19 AS build
FROM golang:1.21.5-bullseye AS test
FROM golang:1.21-windowsservercore-1809 AS win
