FROM alpine:3.19 AS src
WORKDIR /src
COPY . .

FROM golang:1.20 AS build
RUN curl -fsSLo /usr/local/bin/task https://github.com/go-task/task/releases/download/v3.35.1/task_linux_amd64 && chmod +x /usr/local/bin/task
COPY --from=src /src /src
WORKDIR /src
RUN go build -o /app .
