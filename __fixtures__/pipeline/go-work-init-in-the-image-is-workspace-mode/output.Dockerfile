FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go work init && go work use .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /out/app .
