FROM golang:1.23-bookworm AS build
RUN groupadd -g 1000 app && useradd -m -u 1000 -g app app
USER app
WORKDIR /home/app/src
COPY --chown=app:app go.mod go.sum ./
COPY --chown=app:app . .
RUN --mount=type=cache,target=/go/pkg/mod,id=/go/pkg/mod-uid1000,uid=1000,gid=1000 go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod,id=/go/pkg/mod-uid1000,uid=1000,gid=1000 \
    --mount=type=cache,target=/home/app/.cache/go-build,uid=1000,gid=1000 \
    CGO_ENABLED=0 \
    go build -mod=mod -trimpath -o /home/app/service ./cmd/service

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /home/app/service /service
ENTRYPOINT ["/service"]
