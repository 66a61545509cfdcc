FROM golang:1.23-alpine AS build
ARG COVERAGE=false
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN if [ "$COVERAGE" = "true" ]; then \
      go build -cover -o /out/reports ./cmd/reports; \
    else \
      go build -o /out/reports ./cmd/reports; \
    fi

FROM alpine:3.20
COPY --from=build /out/reports /usr/local/bin/reports
ENTRYPOINT ["reports"]
