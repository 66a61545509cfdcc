FROM golang:1.22.6-bookworm AS build
WORKDIR /go/src/billing
COPY go.mod go.sum ./
RUN apt-get update && apt-get install -y --no-install-recommends git && \
    go mod download && \
    go mod verify
COPY . .
RUN go build -trimpath -o /billing .

FROM gcr.io/distroless/base-debian12
COPY --from=build /billing /billing
ENTRYPOINT ["/billing"]
