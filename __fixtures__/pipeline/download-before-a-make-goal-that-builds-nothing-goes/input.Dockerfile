FROM golang:1.23
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN make patch-asn1
RUN go build -o /svc ./cmd/svc
