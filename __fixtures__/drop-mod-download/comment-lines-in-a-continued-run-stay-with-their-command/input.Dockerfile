FROM golang:1.24
WORKDIR /src
COPY . .
RUN set -eux; \
    # fetch the modules
    go mod download; \
    # build
    go build -o /app2 .

FROM golang:1.24 AS second
WORKDIR /src
COPY . .
RUN set -eux; \
    go mod download; \
    # build
    go build -o /app2 .
