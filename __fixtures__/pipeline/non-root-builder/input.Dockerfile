FROM golang:1.23-bookworm AS build
RUN groupadd -g 1000 app && useradd -m -u 1000 -g app app
USER app
WORKDIR /home/app/src
COPY --chown=app:app go.mod go.sum ./
RUN go mod download && \
    go mod verify
COPY --chown=app:app . .
RUN CGO_ENABLED=0 \
    go build -trimpath -o /home/app/service ./cmd/service

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /home/app/service /service
ENTRYPOINT ["/service"]
