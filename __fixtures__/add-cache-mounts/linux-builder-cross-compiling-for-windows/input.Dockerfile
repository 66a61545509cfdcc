# escape=`
FROM --platform=$BUILDPLATFORM golang:1.24 AS build
WORKDIR /src
COPY . .
RUN GOOS=windows go build -o app.exe .

FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY --from=build /src/app.exe C:/app.exe
