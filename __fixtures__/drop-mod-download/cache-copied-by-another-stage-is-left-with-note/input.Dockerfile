FROM golang:1.22 AS modules
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download

FROM golang:1.22 AS build
COPY --from=modules /go/pkg/mod /go/pkg/mod
WORKDIR /src
COPY . .
RUN go build -o /out/app .
