# escape=`

FROM golang:1.21-windowsservercore-ltsc2022 AS build
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
WORKDIR C:\src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build `
    -o C:\out\winsvc.exe `
    .\cmd\winsvc

FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY --from=build C:\out\winsvc.exe C:\winsvc.exe
ENTRYPOINT ["C:\\winsvc.exe"]
