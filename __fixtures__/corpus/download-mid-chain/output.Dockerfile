FROM golang:1.21-alpine AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN apk add --no-cache git && go build -mod=mod -o /bin/chain ./cmd/chain && rm -rf /root/.cache

FROM alpine:3.19
COPY --from=build /bin/chain /bin/chain
CMD ["chain"]
