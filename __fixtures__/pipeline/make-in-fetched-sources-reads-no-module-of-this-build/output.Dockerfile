FROM golang:1.22-alpine
COPY . /app
WORKDIR /app
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod ./cmd/app
WORKDIR /ext
RUN curl -L https://example.com/lib.tar.gz -o lib.tar.gz && tar xzf lib.tar.gz
RUN cd lib-* && make
RUN make -C /ext/lib-1.0
