FROM golang:1.21-alpine AS build
ARG GOPROXY=https://proxy.golang.org
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    GOPROXY=${GOPROXY} go mod download && \
    GOOS=linux go build -mod=mod -o /bin/inline-env ./cmd/inline-env

FROM alpine:3.19
COPY --from=build /bin/inline-env /bin/inline-env
