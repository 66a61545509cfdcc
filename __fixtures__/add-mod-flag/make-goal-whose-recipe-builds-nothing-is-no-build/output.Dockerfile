FROM golang:1.23
WORKDIR /src
COPY . .
RUN make patch-asn1
RUN go build -mod=mod -o /svc ./cmd/svc
