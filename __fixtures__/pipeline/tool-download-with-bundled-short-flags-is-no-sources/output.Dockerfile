FROM alpine:3.19 AS src
WORKDIR /src
COPY . .

FROM golang:1.22 AS build
RUN curl -fsSLo /usr/local/bin/task https://github.com/go-task/task/releases/download/v3.35.1/task_linux_amd64 && chmod +x /usr/local/bin/task
COPY --from=src /src /src
WORKDIR /src
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -mod=mod -o /app .
