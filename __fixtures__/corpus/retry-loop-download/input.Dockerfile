FROM golang:1.21 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN for i in 1 2 3; do go mod download && break || sleep 5; done
COPY . .
RUN go build -o /out/retry .

FROM alpine:3.19
COPY --from=build /out/retry /retry
