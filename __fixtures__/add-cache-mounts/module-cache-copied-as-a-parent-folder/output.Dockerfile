FROM golang:1.23 AS deps
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/root/.cache/go-build go mod download && go build -o /tmp/warm std

FROM golang:1.23 AS build
COPY --from=deps /go /go
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go build -o /app .
