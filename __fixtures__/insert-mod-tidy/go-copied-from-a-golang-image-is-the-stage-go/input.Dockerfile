FROM alpine:3.20
COPY --from=golang:1.22-alpine /usr/local/go /usr/local/go
ENV PATH=/usr/local/go/bin:$PATH
WORKDIR /src
COPY go.mod go.sum ./
COPY cmd/ cmd/
COPY internal/ internal/
RUN go build -o /svc ./cmd/svc
