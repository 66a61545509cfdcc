FROM golang AS build
WORKDIR /src
ADD . /src
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    cd /src && go build -mod=mod -o goapp

FROM alpine
WORKDIR /app
COPY --from=build /src/goapp /app/
ENTRYPOINT ./goapp
