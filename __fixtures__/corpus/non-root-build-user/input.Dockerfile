FROM golang:1.22-alpine AS build
RUN addgroup -g 1000 builder && adduser -D -u 1000 -G builder builder
USER builder
WORKDIR /home/builder/src
COPY --chown=builder:builder go.mod go.sum ./
RUN go mod download
COPY --chown=builder:builder . .
RUN go build -o /home/builder/bin/app ./cmd/app

FROM alpine:3.20
COPY --from=build /home/builder/bin/app /usr/local/bin/app
USER 1000
ENTRYPOINT ["app"]
