ARG BASE
ARG FLAVOR=debian
FROM --platform=$BUILDPLATFORM golang:1.22 AS base
RUN apt-get update && apt-get install -y file

FROM base AS build-amd64
FROM base AS build-arm64
RUN dpkg --add-architecture arm64 && apt-get update && apt-get install -y crossbuild-essential-arm64

FROM build-$TARGETARCH AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /app .

FROM base AS user-amd64
FROM base AS user-arm64
USER 1001

FROM user-${TARGETARCH} AS as-user
WORKDIR /src
COPY . .
RUN go mod tidy
RUN go build -mod=mod -o /app .

FROM golang:1.22 AS tools-debian
FROM tools-${FLAVOR} AS by-default
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /app .

FROM $BASE AS passed-in
WORKDIR /src
COPY . .
RUN go mod tidy
RUN go build -mod=mod -o /app .

FROM golang:1.22 AS cross-amd64
ENV GOARCH=amd64
FROM golang:1.22 AS cross-arm64
ENV GOARCH=arm64 CGO_ENABLED=0
FROM cross-${TARGETARCH} AS cross
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /app .
