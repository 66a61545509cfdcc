FROM golang:1.23 AS api
WORKDIR /src
COPY . .
RUN go build -o /out/api ./cmd/api

FROM golang:1.23 AS worker
WORKDIR /src
COPY . .
RUN go build -o /out/worker ./cmd/worker

FROM alpine:3.20
COPY --from=api /out/api /usr/local/bin/api
COPY --from=worker /out/worker /usr/local/bin/worker
