FROM golang:1.21 AS build
ARG GOFLAGS=-mod=vendor
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go build -o /bin/svc . && go vet ./...

FROM gcr.io/distroless/static
COPY --from=build /bin/svc /svc
ENTRYPOINT ["/svc"]
