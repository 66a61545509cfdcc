# escape=`
FROM golang:1.24-windowsservercore-ltsc2022 AS build
FROM golang:1.24-nanoserver AS run
RUN go version
