FROM golang:1.23 AS deps
COPY go.mod go.sum ./
RUN go mod download

FROM golang:1.23 AS build
COPY --from=deps /go/pkg/mod /go/pkg/mod
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go build -o /app .
