FROM golang:1.23
COPY go.mod go.sum ./

# fetch modules
# (cached)
RUN --mount=type=cache,target=/go/pkg/mod go mod download
