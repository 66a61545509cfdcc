FROM golang:1.21 AS build
WORKDIR /src
COPY go.mod go.sum* ./
RUN [ -f go.sum ] && go mod download
COPY . .
RUN [ -d vendor ] || go build -o /out/bracket .

FROM alpine:3.19
COPY --from=build /out/bracket /bracket
