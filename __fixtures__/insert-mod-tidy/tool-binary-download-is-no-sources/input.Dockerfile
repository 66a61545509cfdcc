FROM golang:1.12-alpine
ADD https://example.com/dep-linux-amd64 /usr/bin/dep
RUN chmod +x /usr/bin/dep
COPY . /go/src/github.com/acme/app
WORKDIR /go/src/github.com/acme/app
RUN dep ensure --vendor-only
RUN go build -o /app ./cmd/app
