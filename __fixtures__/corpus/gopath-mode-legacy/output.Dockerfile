FROM golang:1.15
ENV GO111MODULE=off
WORKDIR /go/src/github.com/acme/oldtool
COPY . .
RUN go get -d -v ./...
RUN --mount=type=cache,target=/root/.cache/go-build go install -v ./...
CMD ["oldtool"]
