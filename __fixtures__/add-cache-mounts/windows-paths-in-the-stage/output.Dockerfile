FROM golang:1.24 AS build
WORKDIR C:/src
COPY . .
RUN go build -o app.exe .

FROM golang:1.24 AS linux
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /app .
