FROM golang:1.21 AS build
WORKDIR /go/src/app
COPY go.mod go.sum* ./
RUN go mod download || true
COPY . .
RUN go build -o /go/bin/app

FROM debian:bookworm-slim
COPY --from=build /go/bin/app /app
CMD ["/app"]
