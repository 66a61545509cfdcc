FROM golang:1.22-alpine3.19 AS build
FROM golang:1.25-bullseye AS test
FROM golang:1.24-windowsservercore-ltsc2016 AS win
FROM golang:1.24-onbuild AS old
