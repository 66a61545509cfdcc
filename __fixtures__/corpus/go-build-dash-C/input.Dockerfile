FROM golang:1.22 AS build
WORKDIR /repo
COPY . .
RUN go build -C services/notifier -o /out/notifier ./cmd/notifier

FROM gcr.io/distroless/static
COPY --from=build /out/notifier /notifier
ENTRYPOINT ["/notifier"]
