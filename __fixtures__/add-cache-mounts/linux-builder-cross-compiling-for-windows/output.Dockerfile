# escape=`
FROM --platform=$BUILDPLATFORM golang:1.24 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod `
    --mount=type=cache,target=/root/.cache/go-build `
    GOOS=windows go build -o app.exe .

FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY --from=build /src/app.exe C:/app.exe
