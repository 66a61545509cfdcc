FROM golang:1.24
WORKDIR /src
COPY . .
RUN set -eux; \
    # build
    go build -o /app2 .

FROM golang:1.24 AS second
WORKDIR /src
COPY . .
RUN set -eux; \
    # build
    go build -o /app2 .
