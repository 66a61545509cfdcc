# syntax=docker/dockerfile:1
FROM golang:1.22-alpine AS build
RUN apk add --no-cache git openssh-client
RUN mkdir -p -m 0700 ~/.ssh && ssh-keyscan github.com >> ~/.ssh/known_hosts
RUN git config --global url."git@github.com:".insteadOf "https://github.com/"
ENV GOPRIVATE=github.com/acme
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=ssh go mod download
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go build -mod=mod -o /out/sshmods .

FROM alpine:3.20
COPY --from=build /out/sshmods /sshmods
ENTRYPOINT ["/sshmods"]
