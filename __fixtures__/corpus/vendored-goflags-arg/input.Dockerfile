FROM golang:1.21 AS build
ARG GOFLAGS=-mod=vendor
WORKDIR /src
COPY . .
RUN go build -o /bin/svc . && go vet ./...

FROM gcr.io/distroless/static
COPY --from=build /bin/svc /svc
ENTRYPOINT ["/svc"]
