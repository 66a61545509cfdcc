FROM golang:1.23
WORKDIR /src
COPY . .
RUN --mount=type=cache,id=gomod,target=/go/pkg/mod/cache,sharing=locked --mount=type=cache,target=/root/.cache/go-build \
    go build -o /bin/svc .
