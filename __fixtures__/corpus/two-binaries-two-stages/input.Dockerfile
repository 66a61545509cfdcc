FROM golang:1.21-alpine AS deps
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download

FROM deps AS build-api
COPY . .
RUN go build -o /out/api ./cmd/api

FROM deps AS build-worker
COPY . .
RUN go build -o /out/worker ./cmd/worker

FROM alpine:3.19 AS api
COPY --from=build-api /out/api /api
ENTRYPOINT ["/api"]

FROM alpine:3.19 AS worker
COPY --from=build-worker /out/worker /worker
ENTRYPOINT ["/worker"]
