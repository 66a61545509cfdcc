FROM golang:1.22 AS build
ARG COVERAGE=false
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN if [ "$COVERAGE" = "true" ]; then \
      go build -cover -covermode=atomic -o /out/svc ./cmd/svc; \
    else \
      go build -trimpath -o /out/svc ./cmd/svc; \
    fi

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/svc /svc
ENTRYPOINT ["/svc"]
