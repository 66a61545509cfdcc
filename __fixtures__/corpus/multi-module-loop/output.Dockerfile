FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    for svc in orders payments; do \
      CGO_ENABLED=0 go build -C services/$svc -mod=mod -o /out/$svc . ; \
    done

FROM alpine:3.20
COPY --from=build /out/ /usr/local/bin/
