FROM golang:1.23
WORKDIR /src
COPY . .
RUN --mount=target=/go/pkg/mod,type=cache go mod download
RUN --mount=type=cache,dst=/go/pkg/mod --mount=type=cache,destination=/root/.cache/go-build/ go build -o /app .
RUN --mount=type=cache,id=gomod,sharing=locked,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    go build -o /app2 .
