FROM golang:1.21-alpine AS build
ARG GOPROXY=https://proxy.golang.org
WORKDIR /src
COPY . .
RUN GOPROXY=${GOPROXY} go mod download && \
    GOOS=linux go build -o /bin/inline-env ./cmd/inline-env

FROM alpine:3.19
COPY --from=build /bin/inline-env /bin/inline-env
