FROM golang:1.23
RUN go env -w GOMODCACHE=/modcache GOPATH=/ignored
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/modcache \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /app .
