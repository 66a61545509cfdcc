FROM golang:1.23-alpine AS build
WORKDIR /src

COPY go.mod go.sum ./
# Download dependencies first so they are cached in their own layer
RUN go mod download

COPY . .
RUN CGO_ENABLED=0 GOOS=linux go build -ldflags="-s -w" -o /out/api ./cmd/api

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/api /api
USER 65532:65532
ENTRYPOINT ["/api"]
