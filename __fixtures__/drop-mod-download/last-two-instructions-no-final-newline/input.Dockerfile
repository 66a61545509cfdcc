FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum tools.mod tools.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
# and the tools module
RUN --mount=type=cache,target=/go/pkg/mod go mod download -modfile=tools.mod