# escape=`
ARG GO_VERSION
FROM golang:${GO_VERSION}-windowsservercore-ltsc2022
WORKDIR C:\src
COPY . .
RUN go build -o C:\app.exe .
