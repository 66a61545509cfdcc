ARG GO_VERSION
FROM golang:${GO_VERSION} AS build
WORKDIR /src
COPY . .
RUN go mod tidy
RUN go build -mod=mod -o /out/worker ./cmd/worker

FROM gcr.io/distroless/base-debian12
COPY --from=build /out/worker /worker
ENTRYPOINT ["/worker"]
