FROM golang:1.22 AS version
RUN echo "-X main.version=1.0" > /tmp/.ldflags

FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go mod tidy
RUN --mount=type=bind,from=version,source=/tmp/.ldflags,target=/tmp/.ldflags \
    go build -ldflags "$(cat /tmp/.ldflags)" -o /app .

FROM golang:1.22 AS sources-mounted
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=bind,target=/src/cmd,source=cmd \
    go build -o /app ./cmd

FROM golang:1.22 AS netrc
WORKDIR /src
COPY . .
RUN --mount=type=bind,from=version,source=/tmp/.ldflags,target=/root/.netrc \
    go build -o /app .
