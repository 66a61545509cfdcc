FROM golang:1.22 AS vendor
WORKDIR /src
COPY . .
RUN go mod vendor

FROM golang:1.22 AS build
WORKDIR /src
COPY --from=vendor /src /src
RUN go build -o /app .
