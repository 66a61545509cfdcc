FROM golang:1.23
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN make patch-asn1
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /svc ./cmd/svc
