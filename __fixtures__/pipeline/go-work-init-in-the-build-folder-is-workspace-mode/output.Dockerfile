FROM golang:1.22
WORKDIR /w
COPY a/ a
COPY b/ b
RUN go work init ./a ./b
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /out ./a
