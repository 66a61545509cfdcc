FROM golang:1.24
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go tool stringer -type=Kind .
RUN go tool pprof -top cpu.prof
