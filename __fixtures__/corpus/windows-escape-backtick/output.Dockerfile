# escape=`

FROM golang:1.22-windowsservercore-ltsc2022 AS build
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
WORKDIR C:\src
COPY go.mod go.sum ./
COPY . .
RUN go mod tidy
RUN go build -mod=mod `
    -o C:\out\winsvc.exe `
    .\cmd\winsvc

FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY --from=build C:\out\winsvc.exe C:\winsvc.exe
ENTRYPOINT ["C:\\winsvc.exe"]
