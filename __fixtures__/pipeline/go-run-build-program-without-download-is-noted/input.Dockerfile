FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
ENV CGO_ENABLED=0
RUN rm -f app && go run ./script/build.go -no-upgrade build app
RUN go run ./cmd/gen
RUN go build -o /out/app .
