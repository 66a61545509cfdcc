FROM golang:1.22
ARG TIDY=
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod if [ -n "$TIDY" ]; then go mod tidy; fi
COPY cmd/ cmd/
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod ./cmd/app
