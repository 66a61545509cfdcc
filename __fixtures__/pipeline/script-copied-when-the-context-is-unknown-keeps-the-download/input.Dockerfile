FROM golang:1.23 AS deps
WORKDIR /src
COPY go.mod go.sum ./
COPY bin/install-deps bin/
RUN go mod download
RUN ./bin/install-deps amd64

FROM deps AS build
COPY services services
RUN go build -mod=mod -o /out/svc ./services/svc
