FROM alpine:3.20 AS fetch
RUN apk add git && git clone https://github.com/acme/app /src

FROM golang:1.23
WORKDIR /src
COPY --from=fetch /src .
RUN go build -o /app .
