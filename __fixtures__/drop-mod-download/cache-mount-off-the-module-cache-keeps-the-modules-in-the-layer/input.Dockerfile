FROM golang:1.22 AS base
ENV GOPATH=/home/dev/go
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
FROM base AS ci
COPY . .
CMD ["go","test","./..."]
