FROM golang:1.12-alpine
RUN curl -sSfL https://x/tool > /usr/bin/dep && wget -qO- https://k | apt-key add -
RUN chmod +x /usr/bin/dep
COPY . /go/src/github.com/acme/app
WORKDIR /go/src/github.com/acme/app
RUN dep ensure --vendor-only
RUN --mount=type=cache,target=/root/.cache/go-build go build -o /app ./cmd/app
