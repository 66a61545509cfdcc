FROM registry.corp.example/library/golang:1.21 AS build
WORKDIR /src
COPY . .
RUN go mod download && go build -o /bin/billing ./cmd/billing

FROM registry.corp.example/base/distroless-static:latest
COPY --from=build /bin/billing /billing
ENTRYPOINT ["/billing"]
