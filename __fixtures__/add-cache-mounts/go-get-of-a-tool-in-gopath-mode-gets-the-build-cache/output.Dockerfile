FROM golang:1.12
WORKDIR /go/src/github.com/example/svc
RUN --mount=type=cache,target=/root/.cache/go-build go get github.com/golang/dep/cmd/dep
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go build -o /svc .
