# escape=`
FROM golang:1.23-windowsservercore-ltsc2022
WORKDIR C:\src
COPY . .
RUN go build -o C:\app.exe .
