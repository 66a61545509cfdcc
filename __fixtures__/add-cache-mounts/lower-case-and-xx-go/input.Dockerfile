from --platform=$BUILDPLATFORM golang:1.23-alpine as build
copy --from=tonistiigi/xx:1.5.0 / /
arg TARGETPLATFORM
run xx-go build -o /app .
