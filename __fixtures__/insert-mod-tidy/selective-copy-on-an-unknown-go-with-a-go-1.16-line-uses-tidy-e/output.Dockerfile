ARG GO_VERSION
FROM golang:${GO_VERSION}-alpine
WORKDIR /src
COPY go.mod go.sum ./
COPY cmd/ cmd/
COPY pkg/ pkg/
RUN go mod tidy -e
RUN go build -o /svc ./cmd/svc
