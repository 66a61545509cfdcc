FROM golang:1.22
WORKDIR /src
COPY clib.tar.gz ./
RUN tar -xzf clib.tar.gz && make -C clib && make install -C clib
COPY go.mod go.sum ./
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /app .
