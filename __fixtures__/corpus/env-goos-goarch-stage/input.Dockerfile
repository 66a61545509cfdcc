FROM golang:1.21 AS build
ENV CGO_ENABLED=0 \
    GOOS=linux \
    GOARCH=amd64
WORKDIR /build
COPY . .
RUN go mod download
RUN go build -ldflags="-s -w" -o app .

FROM scratch
COPY --from=build /build/app /app
ENTRYPOINT ["/app"]
