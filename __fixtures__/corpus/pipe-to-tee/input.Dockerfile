FROM golang:1.21 AS build
WORKDIR /src
COPY . .
RUN go mod download 2>&1 | tee /tmp/download.log
RUN set -o pipefail && go build -v ./... 2>&1 | tee /tmp/build.log

FROM alpine:3.19
COPY --from=build /tmp/build.log /build.log
