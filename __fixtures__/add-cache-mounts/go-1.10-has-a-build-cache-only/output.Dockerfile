FROM golang:1.10
WORKDIR /go/src/github.com/example/app
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go install .
