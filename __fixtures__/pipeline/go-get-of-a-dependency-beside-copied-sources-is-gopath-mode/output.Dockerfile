FROM golang:1.15
WORKDIR /build
ADD . .
RUN --mount=type=cache,target=/root/.cache/go-build \
    go get github.com/gin-gonic/gin && go build -o main .
