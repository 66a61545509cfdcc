FROM golang:1.23
ENV HOME=/home/builder
ENV GOPATH=$HOME/go
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/home/builder/go/pkg/mod \
    --mount=type=cache,target=/home/builder/.cache/go-build \
    go build -o /app .
