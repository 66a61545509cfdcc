FROM golang:1.24
WORKDIR /src
COPY . .
RUN --mount=type=cache,id=gomod-${TARGETARCH},target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,id=gomod-${TARGETARCH},target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /app .
