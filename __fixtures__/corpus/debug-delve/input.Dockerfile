FROM golang:1.21 AS build
WORKDIR /src
RUN go install github.com/go-delve/delve/cmd/dlv@latest
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -gcflags "all=-N -l" -o /server ./cmd/server

FROM debian:bookworm
COPY --from=build /go/bin/dlv /dlv
COPY --from=build /server /server
EXPOSE 8080 40000
CMD ["/dlv", "--listen=:40000", "--headless=true", "--api-version=2", "--accept-multiclient", "exec", "/server"]
