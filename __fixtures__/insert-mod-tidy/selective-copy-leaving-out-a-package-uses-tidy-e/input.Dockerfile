FROM golang:1.23
WORKDIR /src
COPY go.mod go.sum ./
COPY cmd/ cmd/
COPY pkg/ pkg/
RUN go build -o /svc ./cmd/svc
