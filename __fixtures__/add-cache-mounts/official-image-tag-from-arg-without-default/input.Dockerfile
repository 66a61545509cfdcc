ARG GO_VERSION
FROM docker.io/library/golang:${GO_VERSION}-alpine AS build
WORKDIR /src
COPY . .
RUN go mod download
RUN go build -o /app .

FROM build AS test
RUN go test ./...
