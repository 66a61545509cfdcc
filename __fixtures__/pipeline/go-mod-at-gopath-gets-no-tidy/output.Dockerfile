FROM golang:1.22
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o main .

FROM golang:1.22 AS tools
ENV GOPATH=/work
WORKDIR /work
COPY . .
RUN --mount=type=cache,target=/work/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /tool .
