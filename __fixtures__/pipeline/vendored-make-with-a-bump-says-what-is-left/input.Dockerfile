FROM golang:1.21 AS build
WORKDIR /src
COPY . .
RUN make build

FROM alpine:3.20
COPY --from=build /src/bin/svc /svc
