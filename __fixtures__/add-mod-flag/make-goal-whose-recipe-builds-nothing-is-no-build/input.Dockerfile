FROM golang:1.23
WORKDIR /src
COPY . .
RUN make patch-asn1
RUN go build -o /svc ./cmd/svc
