FROM golang:1.14
ARG SERVICE
COPY . /src
WORKDIR /src/$SERVICE
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /app .
