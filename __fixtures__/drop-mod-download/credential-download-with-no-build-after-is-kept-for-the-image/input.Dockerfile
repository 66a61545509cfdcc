FROM golang:1.16
COPY go.mod go.sum ./
RUN --mount=type=ssh go mod download
ENTRYPOINT []
