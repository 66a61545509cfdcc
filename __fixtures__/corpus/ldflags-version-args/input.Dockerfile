FROM golang:1.22-alpine AS build
ARG VERSION=dev
ARG COMMIT=none
ARG DATE=unknown
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build \
    -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT} -X 'main.date=${DATE}'" \
    -o /usr/local/bin/release ./cmd/release

FROM alpine:3.19
COPY --from=build /usr/local/bin/release /usr/local/bin/release
ENTRYPOINT ["release"]
