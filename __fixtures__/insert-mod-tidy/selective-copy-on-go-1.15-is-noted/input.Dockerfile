FROM golang:1.15
WORKDIR /src
COPY go.mod go.sum ./
COPY cmd/ cmd/
COPY pkg/ pkg/
RUN go build -o /svc ./cmd/svc
