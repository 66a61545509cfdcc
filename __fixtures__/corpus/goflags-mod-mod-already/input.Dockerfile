FROM golang:1.21 AS build
ENV GOFLAGS=-mod=mod
WORKDIR /src
COPY . .
RUN go build -o /bin/modmod ./cmd/modmod

FROM alpine:3.19
COPY --from=build /bin/modmod /bin/modmod
