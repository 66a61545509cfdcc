ARG GO_VERSION=1.21
ARG BASE_IMAGE=gcr.io/distroless/static-debian12

FROM golang:${GO_VERSION} AS base
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .

FROM base AS test
RUN go test -race ./...

FROM golang:${GO_VERSION} AS lint-tools
RUN go install honnef.co/go/tools/cmd/staticcheck@2023.1.6

FROM base AS build
RUN CGO_ENABLED=0 go build -o /bin/api ./cmd/api

FROM ${BASE_IMAGE}
COPY --from=build /bin/api /api
ENTRYPOINT ["/api"]
