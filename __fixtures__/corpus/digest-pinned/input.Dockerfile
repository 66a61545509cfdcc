FROM golang:1.21.5-bookworm@sha256:8f3b1b4ac1e1d5c4b8a5f3e2d1c0b9a8f7e6d5c4b3a2918f7e6d5c4b3a291807 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/pinned .

FROM gcr.io/distroless/static-debian12@sha256:708192a3b4c5d6e7f8192a3b4c5d6e7f8a9b0c1d2e3f5a8b4c5d1e1ca4b1b3f8
COPY --from=build /out/pinned /pinned
ENTRYPOINT ["/pinned"]
