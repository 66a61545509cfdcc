FROM golang:1.23 AS source
WORKDIR /src
COPY go.mod go.sum ./
COPY . .

FROM source AS build
RUN go mod tidy
RUN go build -o /out/app .

FROM source AS test
RUN go test ./...
