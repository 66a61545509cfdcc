FROM golang:1.21-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /bin/app ./cmd/app

FROM alpine:3.19
RUN apk add --no-cache ca-certificates
COPY --from=build /bin/app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
