FROM golang:1.21 AS build
WORKDIR /src
COPY . .
RUN go mod download
RUN go install ./cmd/...

FROM debian:bookworm-slim
COPY --from=build /go/bin/ /usr/local/bin/
