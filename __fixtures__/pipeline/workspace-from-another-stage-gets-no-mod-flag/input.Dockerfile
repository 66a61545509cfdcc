FROM golang:1.22 AS vendor
WORKDIR /w
COPY . .
RUN go work vendor
FROM golang:1.22 AS build
WORKDIR /w
COPY --from=vendor /w /w
RUN go build -o /out/app ./app
