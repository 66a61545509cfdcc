# escape=`
FROM golang:1.24 AS build
WORKDIR C:\src
COPY . .
RUN go build -o app.exe .

FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY --from=build C:\src\app.exe C:\app.exe
