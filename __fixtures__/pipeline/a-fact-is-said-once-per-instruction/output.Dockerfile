FROM golang:1.22
ADD . /go/src/example.com/a
RUN --mount=type=cache,target=/go/pkg/mod \
  --mount=type=cache,target=/root/.cache/go-build \
  go install example.com/a/cmd/x \
  && go install example.com/a/cmd/y
