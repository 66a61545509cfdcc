FROM golang:1.23
RUN useradd -m builder
USER builder
RUN id
USER root
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /app .
