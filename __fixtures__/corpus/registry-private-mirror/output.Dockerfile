FROM registry.corp.example/library/golang:1.21 AS build
WORKDIR /src
COPY . .
RUN go mod tidy
RUN go build -mod=mod -o /bin/billing ./cmd/billing

FROM registry.corp.example/base/distroless-static:latest
COPY --from=build /bin/billing /billing
ENTRYPOINT ["/billing"]
