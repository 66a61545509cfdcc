FROM golang:1.21 AS build
RUN go env -w GOFLAGS=-mod=vendor GOPROXY=off
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go build -o /out/envw .

FROM alpine:3.19
COPY --from=build /out/envw /envw
