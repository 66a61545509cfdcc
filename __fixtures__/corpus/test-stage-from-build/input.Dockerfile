FROM golang:1.21 AS base
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .

FROM base AS unit-test
RUN go test -v -count=1 ./...

FROM base AS build
RUN go build -o /bin/svc ./cmd/svc

FROM alpine:3.19
COPY --from=build /bin/svc /bin/svc
CMD ["svc"]
