FROM golang:1.13.4-alpine as build

WORKDIR $GOPATH/src/github.com/example/accounts

COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy

RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go install -v ./...

FROM golang:1.13.4-alpine AS second
ADD . ${GOPATH}/src/github.com/example/second
WORKDIR ${GOPATH}/src/github.com/example/second
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /second .

FROM alpine:latest
COPY --from=build /go/bin/accounts .
CMD ./accounts
