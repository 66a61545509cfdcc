FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN for dir in services/orders services/payments; do \
      (cd "$dir" && go mod download); \
    done
RUN for svc in orders payments; do \
      CGO_ENABLED=0 go build -C services/$svc -o /out/$svc . ; \
    done

FROM alpine:3.20
COPY --from=build /out/ /usr/local/bin/
